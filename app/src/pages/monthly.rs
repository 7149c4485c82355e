//! `/ekonomi/:council/manader?ar=2024&profil=even`: a council's year month by month from
//! the ledger — the chart of outcome and budget summed from January with the forecast's
//! path, each department's and verksamhet's outcome, budget and deviation so far with the
//! year's forecast by every method side by side, the months booked, and the forecasts
//! saved (editors save one: a method's figure or their own, with a comment).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use rust_decimal::Decimal;

use super::{error_view, save_error};
use crate::CurrentUser;
use crate::api::{SaveForecast, council_months};
use crate::components::chart::IndicatorChart;
use crate::domain::UnitKind;
use crate::format;
use crate::i18n::{Msg, t, text_now};
use crate::model::{FollowUpLine, ForecastInput, MonthlyFollowUp, Role, SavedForecast};

#[component]
pub fn MonthlyPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let key = move || {
        let council = params.read().get("council").unwrap_or_default();
        let year = query.read().get("ar").and_then(|y| y.parse::<i32>().ok());
        (council, year, query.read().get("profil"))
    };
    let save = ServerAction::<SaveForecast>::new();
    let data = Resource::new(
        move || (key(), save.version().get()),
        |((council, year, profile), _)| council_months(council, year, profile),
    );
    let me = expect_context::<CurrentUser>();
    view! {
        <Suspense fallback=|| view! { <p>{t(Msg::Loading)}</p> }>
            {move || Suspend::new(async move {
                let editor = matches!(me.await, Ok(Some(me)) if me.role >= Role::Editor);
                match data.await {
                    Ok(follow_up) => page(follow_up, editor, save),
                    Err(err) => error_view(err),
                }
            })}
        </Suspense>
    }
}

fn money(value: Option<Decimal>, unit: &str) -> String {
    value
        .map(|v| format!("{}\u{a0}{unit}", format::number(v, 0)))
        .unwrap_or_default()
}

fn method_words(method: &str) -> Msg {
    match method {
        "run_rate" => Msg::ForecastRunRate,
        "last_year_shape" => Msg::ForecastLastYearShape,
        "budget_for_rest" => Msg::ForecastBudgetForRest,
        _ => Msg::ForecastManual,
    }
}

fn line_name(line: &FollowUpLine, council: &str) -> String {
    if line.kind == UnitKind::Council {
        council.to_owned()
    } else {
        line.name.clone()
    }
}

fn page(data: MonthlyFollowUp, editor: bool, save: ServerAction<SaveForecast>) -> AnyView {
    let title = format!("{} – {} {}", text_now(Msg::MonthlyFollowUp), data.council, data.year);
    let unit = data.unit.clone();
    let base = format!("/ekonomi/{}/manader", data.council_slug);
    let years = (data.years.iter()).map(|y| {
        let href = format!("{base}?ar={y}");
        let current = (*y == data.year).then_some("page");
        view! { <a href=href aria-current=current>{y.to_string()}</a>" " }
    });
    let profiles = (data.profiles.iter()).map(|p| {
        let href = format!("{base}?ar={}&profil={p}", data.year);
        let current = (*p == data.profile).then_some("page");
        let words = if p == "last_year" {
            Msg::ProfileLastYear
        } else {
            Msg::ProfileEven
        };
        view! { <a href=href aria-current=current>{t(words)}</a>" " }
    });
    let empty = data.lines.is_empty();
    let chart_label = format!("{}: {} ({unit})", data.council, text_now(Msg::MonthlyChartLabel));
    view! {
        <Title text=title.clone() />
        <p class="breadcrumb">
            <a href="/">{t(Msg::AppName)}</a>" › "
            <a href=format!("/ekonomi/{}", data.council_slug)>{data.council.clone()}</a>" › "{t(Msg::MonthlyFollowUp)}
        </p>
        <h1>{title}</h1>
        {editor.then(|| view! { <p><a href="/ekonomi/huvudbok">{t(Msg::ImportLedger)}</a></p> })}
        {empty.then(|| view! { <p class="muted" data-testid="no-ledger">{t(Msg::NoLedger)}</p> })}
        {(!empty).then(|| view! {
            <nav class="choices" aria-label=text_now(Msg::Year)>{t(Msg::Year)}": "{years.collect_view()}</nav>
            <nav class="choices" aria-label=text_now(Msg::BudgetProfile)>{t(Msg::BudgetProfile)}": "{profiles.collect_view()}</nav>
            <p class="muted">
                {t(Msg::AmountsIn)}" "<strong>{unit.clone()}</strong>". "{t(Msg::BookedThrough)}" "
                <strong data-testid="through">{format!("{}-{:02}", data.year, data.through)}</strong>
                {data.imported_at.map(|at| format!(" ({} {})", text_now(Msg::ImportedAt), at.format("%Y-%m-%d %H:%M")))}
            </p>
            <p class="muted">{t(Msg::MonthlyChartLegend)}</p>
            <IndicatorChart points=data.chart.clone() label=chart_label />
            {summary_table(&data)}
            {months_table(&data)}
            {editor.then(|| forecast_form(&data, save))}
            {saved_list(&data.saved, &data.council, &unit)}
        })}
    }
    .into_any()
}

fn summary_table(data: &MonthlyFollowUp) -> AnyView {
    let unit = data.unit.clone();
    let methods: Vec<String> = (data.lines.first())
        .map(|l| l.forecasts.iter().map(|f| f.method.clone()).collect())
        .unwrap_or_default();
    let rows = (data.lines.iter()).map(|line| {
        let unit = unit.clone();
        let missing = (!line.missing.is_empty()).then(|| {
            let months: Vec<String> = line.missing.iter().map(|m| format!("{m:02}")).collect();
            view! { <br /><span class="muted">{t(Msg::MonthsMissing)}": "{months.join(", ")}</span> }
        });
        let deviation_class = match line.deviation_to_date {
            Some(d) if d < Decimal::ZERO => "num negative",
            _ => "num",
        };
        view! {
            <tr data-unit=line.name.clone()>
                <th scope="row">{line_name(line, &data.council)}{missing}</th>
                <td class="num">{money(line.year_budget, &unit)}</td>
                <td class="num">{money(line.outcome_to_date, &unit)}</td>
                <td class="num">{money(line.budget_to_date, &unit)}</td>
                <td class=deviation_class>{money(line.deviation_to_date, &unit)}</td>
                {line.forecasts.iter().map(|f| view! {
                    <td class="num" data-method=f.method.clone()>
                        {money(f.year, &unit)}
                        {f.deviation.map(|d| view! { <br /><span class="muted">{money(Some(d), &unit)}</span> })}
                    </td>
                }).collect_view()}
            </tr>
        }
    });
    view! {
        <h2 id="ytd-heading">{t(Msg::YearToDate)}</h2>
        <div class="table-wrap">
            <table class="data" aria-labelledby="ytd-heading" data-testid="year-to-date">
                <thead><tr>
                    <th scope="col">{t(Msg::Unit)}</th>
                    <th scope="col" class="num">{t(Msg::YearBudget)}</th>
                    <th scope="col" class="num">{t(Msg::LedgerOutcomeToDate)}</th>
                    <th scope="col" class="num">{t(Msg::BudgetToDate)}</th>
                    <th scope="col" class="num">{t(Msg::DeviationToDate)}</th>
                    {methods.iter().map(|m| view! { <th scope="col" class="num">{t(Msg::ForecastBy)}" "{t(method_words(m))}</th> }).collect_view()}
                </tr></thead>
                <tbody>{rows.collect_view()}</tbody>
            </table>
        </div>
        <p class="muted">{t(Msg::ForecastNote)}</p>
    }
    .into_any()
}

fn months_table(data: &MonthlyFollowUp) -> AnyView {
    let unit = data.unit.clone();
    view! {
        <h2 id="months-heading">{t(Msg::MonthsBooked)}</h2>
        <div class="table-wrap">
            <table class="data" aria-labelledby="months-heading">
                <thead><tr>
                    <th scope="col">{t(Msg::Unit)}</th>
                    {(1..=12).map(|m| view! { <th scope="col" class="num">{format!("{m:02}")}</th> }).collect_view()}
                </tr></thead>
                <tbody>
                    {data.lines.iter().map(|line| view! {
                        <tr>
                            <th scope="row">{line_name(line, &data.council)}</th>
                            {line.months.iter().map(|m| view! { <td class="num">{money(*m, &unit)}</td> }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

fn forecast_form(data: &MonthlyFollowUp, save: ServerAction<SaveForecast>) -> AnyView {
    let (council, year) = (data.council_slug.clone(), data.year);
    let line = RwSignal::new(0usize);
    let method = RwSignal::new("budget_for_rest".to_owned());
    let amount = RwSignal::new(String::new());
    let comment = RwSignal::new(String::new());
    let lines: Vec<(UnitKind, String, String)> = (data.lines.iter())
        .map(|l| (l.kind, l.name.clone(), line_name(l, &data.council)))
        .collect();
    let chosen = lines.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some((kind, unit, _)) = chosen.get(line.get_untracked()).cloned() else {
            return;
        };
        let manual = method.get_untracked() == "manual";
        save.dispatch(SaveForecast {
            council: council.clone(),
            forecast: ForecastInput {
                year,
                kind,
                unit,
                method: method.get_untracked(),
                amount: manual.then(|| amount.get_untracked()),
                comment: comment.get_untracked(),
            },
        });
    };
    let error = move || {
        save.value()
            .get()
            .and_then(Result::err)
            .map(|e| save_error(&e, Msg::SomethingWentWrong))
    };
    let saved = move || {
        save.value()
            .get()
            .and_then(Result::ok)
            .map(|_| view! { <p class="notice" role="status">{t(Msg::ForecastSaved)}</p> })
    };
    view! {
        <h2>{t(Msg::SaveForecastHeading)}</h2>
        <form class="form" on:submit=on_submit data-testid="forecast-form">
            <div class="field">
                <label for="forecast-unit">{t(Msg::Unit)}</label>
                <select id="forecast-unit" on:change=move |ev| line.set(event_target_value(&ev).parse().unwrap_or(0))>
                    {lines.into_iter().enumerate().map(|(i, (_, _, shown))| view! { <option value=i.to_string()>{shown}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="forecast-method">{t(Msg::ForecastMethod)}</label>
                <select id="forecast-method" on:change=move |ev| method.set(event_target_value(&ev))>
                    {["budget_for_rest", "run_rate", "last_year_shape", "manual"].map(|m| view! {
                        <option value=m selected=move || method.get() == m>{t(method_words(m))}</option>
                    }).into_iter().collect_view()}
                </select>
            </div>
            <label class="field" for="forecast-amount" hidden=move || method.get() != "manual">
                <span>{t(Msg::ForecastAmount)}" ("{data.unit.clone()}")"</span>
                <input id="forecast-amount" inputmode="decimal" prop:value=amount on:input=move |ev| amount.set(event_target_value(&ev)) />
            </label>
            <label class="field" for="forecast-comment">
                <span>{t(Msg::Comment)}</span>
                <textarea id="forecast-comment" rows="2" prop:value=comment on:input=move |ev| comment.set(event_target_value(&ev))></textarea>
            </label>
            <button type="submit" class="primary" disabled=move || save.pending().get()>{t(Msg::SaveForecast)}</button>
        </form>
        {error}
        {saved}
    }
    .into_any()
}

fn saved_list(saved: &[SavedForecast], council: &str, unit: &str) -> Option<AnyView> {
    (!saved.is_empty()).then(|| {
        let items = saved.iter().map(|s| {
            let who = if s.kind == UnitKind::Council {
                council.to_owned()
            } else {
                s.unit.clone()
            };
            view! {
                <li data-testid="saved-forecast">
                    <strong>{who}": "{money(Some(s.amount), unit)}</strong>" ("{t(method_words(&s.method))}", "
                    {t(Msg::AtMonth)}" "{format!("{:02}", s.month)}") – "{s.made_by.clone()}", "
                    {s.made_at.format("%Y-%m-%d %H:%M").to_string()}
                    {(!s.comment.is_empty()).then(|| view! { <br />{s.comment.clone()} })}
                </li>
            }
        });
        view! {
            <h2>{t(Msg::SavedForecasts)}</h2>
            <ul class="findings">{items.collect_view()}</ul>
        }
        .into_any()
    })
}
