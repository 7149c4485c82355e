//! `/ekonomi/:council/scenario?ar=2026`: volumes × à-priser. Each kind of care's volume and
//! unit price as the council's tables publish them for the year; change any of them and see
//! the cost of each line and the total, and the effect against the published figures.
//! Nothing is saved.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use rust_decimal::Decimal;

use super::{error_view, save_error};
use crate::api::{VolumeScenario, volume_scenario};
use crate::format;
use crate::i18n::{Msg, t, text_now};
use crate::model::{ScenarioInput, ScenarioView};

#[component]
pub fn ScenarioPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let key = move || {
        let council = params.read().get("council").unwrap_or_default();
        let year = query.read().get("ar").and_then(|y| y.parse::<i32>().ok());
        (council, year)
    };
    let base = Resource::new(key, |(council, year)| volume_scenario(council, year, Vec::new()));
    view! {
        <Suspense fallback=|| view! { <p>{t(Msg::Loading)}</p> }>
            {move || Suspend::new(async move {
                match base.await {
                    Ok(view) => page(view),
                    Err(err) => error_view(err),
                }
            })}
        </Suspense>
    }
}

fn money(value: Decimal, unit: &str) -> String {
    format!("{}\u{a0}{unit}", format::number(value, 0))
}

fn page(base: ScenarioView) -> AnyView {
    if base.lines.is_empty() {
        let title = format!("{} – {}", text_now(Msg::Scenario), base.council);
        return view! {
            <Title text=title.clone() />
            <h1>{title}</h1>
            <p class="muted">{t(Msg::NoVolumes)}</p>
        }
        .into_any();
    }
    let title = format!("{} – {} {}", text_now(Msg::Scenario), base.council, base.year);
    let action = ServerAction::<VolumeScenario>::new();
    let inputs: Vec<(RwSignal<String>, RwSignal<String>)> = (base.lines.iter())
        .map(|l| {
            let shown = |v: Decimal| format::number(v, v.normalize().scale()).replace('\u{a0}', " ");
            (RwSignal::new(shown(l.base_volume)), RwSignal::new(shown(l.base_price)))
        })
        .collect();
    let (council, year) = (base.council_slug.clone(), base.year);
    let sent = inputs.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let changes = (sent.iter().enumerate())
            .map(|(line, (volume, price))| ScenarioInput {
                line,
                volume: volume.get_untracked(),
                price: price.get_untracked(),
            })
            .collect();
        action.dispatch(VolumeScenario {
            council: council.clone(),
            year: Some(year),
            changes,
        });
    };
    let shown = {
        let base = base.clone();
        Signal::derive(move || match action.value().get() {
            Some(Ok(result)) => result,
            _ => base.clone(),
        })
    };
    let error = move || {
        action
            .value()
            .get()
            .and_then(Result::err)
            .map(|e| save_error(&e, Msg::SomethingWentWrong))
    };
    let years = (base.years.iter()).map(|y| {
        let href = format!("/ekonomi/{}/scenario?ar={y}", base.council_slug);
        let current = (*y == base.year).then_some("page");
        view! { <a href=href aria-current=current>{y.to_string()}</a>" " }
    });
    let unit = base.unit.clone();
    let rows = base.lines.iter().zip(inputs).enumerate().map(|(i, (line, (volume, price)))| {
        let unit = unit.clone();
        let result = move || shown.with(|s| s.lines.get(i).cloned());
        let (volume_id, price_id) = (format!("volume-{i}"), format!("price-{i}"));
        view! {
            <tr>
                <th scope="row">{line.label.clone()}</th>
                <td>
                    <label class="visually-hidden" for=volume_id.clone()>{t(Msg::Volume)}" "{line.label.clone()}</label>
                    <input id=volume_id class="num" inputmode="decimal" size="8" prop:value=volume on:input=move |ev| volume.set(event_target_value(&ev)) />
                </td>
                <td>
                    <label class="visually-hidden" for=price_id.clone()>{t(Msg::UnitPrice)}" "{line.label.clone()}</label>
                    <input id=price_id class="num" inputmode="decimal" size="8" prop:value=price on:input=move |ev| price.set(event_target_value(&ev)) />
                </td>
                <td class="num">{let unit = unit.clone(); move || result().map(|l| money(l.base_cost, &unit))}</td>
                <td class="num">{let unit = unit.clone(); move || result().map(|l| money(l.cost, &unit))}</td>
                <td class="num" data-effect=i>{let unit = unit.clone(); move || result().map(|l| money(l.effect, &unit))}</td>
            </tr>
        }
    }).collect_view();
    let total = {
        let unit = unit.clone();
        move || {
            let s = shown.get();
            view! {
                <tr class="total">
                    <th scope="row" colspan="3">{t(Msg::Total)}</th>
                    <td class="num">{money(s.base_cost, &unit)}</td>
                    <td class="num">{money(s.cost, &unit)}</td>
                    <td class="num" data-testid="scenario-effect">{money(s.effect, &unit)}</td>
                </tr>
            }
        }
    };
    view! {
        <Title text=title.clone() />
        <p class="breadcrumb">
            <a href="/">{t(Msg::AppName)}</a>" › "
            <a href=format!("/ekonomi/{}", base.council_slug)>{base.council.clone()}</a>" › "{t(Msg::Scenario)}
        </p>
        <h1>{title}</h1>
        <p class="lead">{t(Msg::ScenarioIntro)}</p>
        <nav class="choices" aria-label=text_now(Msg::Year)>{t(Msg::Year)}": "{years.collect_view()}</nav>
        <p class="muted">{base.volume_source.clone()}"; "{base.price_source.clone()}" (kr)"</p>
        <form class="form" on:submit=on_submit>
            <div class="table-wrap">
                <table class="data" data-testid="scenario">
                    <thead><tr>
                        <th scope="col">{t(Msg::KindOfCare)}</th>
                        <th scope="col">{t(Msg::Volume)}</th>
                        <th scope="col">{t(Msg::UnitPrice)}" (kr)"</th>
                        <th scope="col" class="num">{t(Msg::PublishedCost)}</th>
                        <th scope="col" class="num">{t(Msg::ScenarioCost)}</th>
                        <th scope="col" class="num">{t(Msg::CostEffect)}</th>
                    </tr></thead>
                    <tbody>{rows}{total}</tbody>
                </table>
            </div>
            <button type="submit" class="primary" disabled=move || action.pending().get()>{t(Msg::Calculate)}</button>
        </form>
        {error}
    }
    .into_any()
}
