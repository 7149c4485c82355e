//! The follow-up page's pieces: a colour dot, the counts per level with their bars, the
//! manual verdict editor, and the uppdrag overview.

use leptos::prelude::*;

use super::save_error;
use crate::api::{give_manual_verdict, withdraw_manual_verdict};
use crate::domain::PlanId;
use crate::i18n::{Msg, t};
use crate::model::{AssignmentOverview, Colour, LevelTally, ManualVerdictForm, ManualVerdictView, VerdictKind};

pub fn colour_msg(colour: Colour) -> Msg {
    match colour {
        Colour::Green => Msg::Green,
        Colour::Yellow => Msg::Yellow,
        Colour::Red => Msg::Red,
        Colour::Grey => Msg::Grey,
    }
}

/// A traffic light with its name for screen readers (and as a tooltip).
#[component]
pub fn ColourDot(colour: Colour) -> impl IntoView {
    view! {
        <span class=format!("dot dot--{}", colour.as_str()) role="img" aria-label=t(colour_msg(colour)) title=t(colour_msg(colour))></span>
    }
}

/// "+2", "−1" or nothing.
fn change(now: u32, before: u32) -> Option<String> {
    match i64::from(now) - i64::from(before) {
        0 => None,
        d if d > 0 => Some(format!("+{d}")),
        d => Some(format!("\u{2212}{}", -d)),
    }
}

/// Goals per level and colour, each with the change since `previous`, and a bar per level.
#[component]
pub fn LevelCounts(levels: Vec<LevelTally>, previous: String) -> AnyView {
    let headers = (Colour::ALL.into_iter())
        .map(|c| view! { <th scope="col" class="num"><ColourDot colour=c />" "{t(colour_msg(c))}</th> })
        .collect_view();
    let rows = (levels.into_iter())
        .map(|level| {
            let total: u32 = Colour::ALL.iter().map(|c| level.now.get(*c)).sum();
            let cells = (Colour::ALL.into_iter())
                .map(|c| {
                    let (now, before) = (level.now.get(c), level.before.get(c));
                    view! {
                        <td class="num" data-colour=c.as_str()>
                            {now}{change(now, before).map(|d| view! { " "<small class="change">"("{d}")"</small> })}
                        </td>
                    }
                })
                .collect_view();
            let bar = (Colour::ALL.into_iter())
                .filter(|c| level.now.get(*c) > 0)
                .map(|c| {
                    let width = f64::from(level.now.get(c)) * 100.0 / f64::from(total.max(1));
                    view! { <span class=format!("stack__part dot--{}", c.as_str()) style=format!("width:{width:.1}%")></span> }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">{level.level}</th>
                    {cells}
                    <td class="num">{total}</td>
                    <td class="stack-cell"><div class="stack" aria-hidden="true">{bar}</div></td>
                </tr>
            }
            .into_any()
        })
        .collect_view();
    view! {
        <section aria-labelledby="levels-heading">
            <h2 id="levels-heading">{t(Msg::GoalsPerLevel)}</h2>
            <div class="table-scroll">
                <table class="level-counts">
                    <caption>{t(Msg::ChangeSince)}" "{previous}" (±)"</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t(Msg::Level)}</th>
                            {headers}
                            <th scope="col" class="num">{t(Msg::Total)}</th>
                            <th scope="col"><span class="visually-hidden">{t(Msg::ChartLegend)}</span></th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}

/// Gives, changes or withdraws the manual verdict on a goal or indicator. A new verdict is
/// for one of `periods` (the month shown, or the tertial, half year or year it closes: the
/// helhetsbedömning at delår and year end); a given one keeps its own period.
#[component]
pub fn ManualVerdictEditor(
    plan_id: PlanId,
    kind: VerdictKind,
    code: String,
    periods: Vec<(String, String)>,
    given: Option<ManualVerdictView>,
    on_saved: Callback<()>,
) -> AnyView {
    let verdict = RwSignal::new(given.as_ref().map_or(Colour::Yellow, |g| g.verdict));
    let motivation = RwSignal::new(given.as_ref().map(|g| g.motivation.clone()).unwrap_or_default());
    let first = periods.first().map(|(code, _)| code.clone()).unwrap_or_default();
    let period = RwSignal::new(given.as_ref().map_or(first, |g| g.period.clone()));
    let revision = given.as_ref().map(|g| g.revision);
    let code_w = code.clone();
    let save = Action::new(move |form: &ManualVerdictForm| {
        let form = form.clone();
        async move { give_manual_verdict(plan_id, form).await.map(|_| ()) }
    });
    let withdraw = Action::new(move |revision: &i32| {
        let (code, period, revision) = (code_w.clone(), period.get_untracked(), *revision);
        async move { withdraw_manual_verdict(plan_id, kind, code, period, revision).await }
    });
    Effect::new(move |_| {
        if matches!(save.value().get(), Some(Ok(()))) || matches!(withdraw.value().get(), Some(Ok(()))) {
            on_saved.run(());
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save.dispatch(ManualVerdictForm {
            kind,
            code: code.clone(),
            period: period.get_untracked(),
            verdict: verdict.get_untracked(),
            motivation: motivation.get_untracked(),
            revision,
        });
    };
    let options = (Colour::ALL.into_iter())
        .map(|c| view! { <option value=c.as_str() selected=move || verdict.get() == c>{t(colour_msg(c))}</option> })
        .collect_view();
    // A given verdict keeps its period; a new one may be for a period the month closes.
    let period_choice = (given.is_none() && periods.len() > 1).then(|| {
        let options = (periods.into_iter())
            .map(|(code, label)| view! { <option value=code>{label}</option> })
            .collect_view();
        view! {
            <label class="field field--narrow">
                <span>{t(Msg::AppliesTo)}</span>
                <select on:change=move |ev| period.set(event_target_value(&ev))>{options}</select>
            </label>
        }
    });
    view! {
        <form class="manual-verdict" on:submit=submit>
            {given.as_ref().map(|g| view! {
                <p class="muted">{t(Msg::GivenBy)}" "{g.given_by.clone()}", "{g.given_at.clone()}" ("{g.period.clone()}")"</p>
            })}
            <label class="field field--narrow">
                <span>{t(Msg::ManualVerdict)}</span>
                <select on:change=move |ev| {
                    if let Some(c) = Colour::parse(&event_target_value(&ev)) {
                        verdict.set(c);
                    }
                }>{options}</select>
            </label>
            {period_choice}
            <label class="field">
                <span>{t(Msg::Motivation)}</span>
                <textarea rows="2" required prop:value=move || motivation.get() on:input=move |ev| motivation.set(event_target_value(&ev))></textarea>
            </label>
            <div class="button-row">
                <button type="submit" disabled=move || save.pending().get()>{t(Msg::SaveVerdict)}</button>
                {revision.map(|revision| view! {
                    <button type="button" class="secondary" on:click=move |_| { withdraw.dispatch(revision); }>{t(Msg::WithdrawVerdict)}</button>
                })}
            </div>
            {move || save.value().get().and_then(|r| r.err()).map(|err| save_error(&err, Msg::VerdictConflict))}
            {move || withdraw.value().get().and_then(|r| r.err()).map(|err| save_error(&err, Msg::VerdictConflict))}
        </form>
    }
    .into_any()
}

const STATUSES: [Msg; 3] = [Msg::NotStarted, Msg::Started, Msg::Completed];
const FORECASTS: [Msg; 3] = [Msg::OnPlan, Msg::Deviation, Msg::NoForecast];

/// Uppdrag and initiativ: counts by status and forecast, then each item with its goal,
/// end date (overdue ones flagged) and latest comment.
pub fn assignment_overview(overview: AssignmentOverview) -> AnyView {
    if overview.items.is_empty() {
        return ().into_any();
    }
    let header = FORECASTS
        .map(|f| view! { <th scope="col" class="num">{t(f)}</th> })
        .collect_view();
    let matrix = (STATUSES.iter().zip(overview.counts))
        .map(|(status, row)| {
            let cells = row.map(|n| view! { <td class="num">{n}</td> }).collect_view();
            view! { <tr><th scope="row">{t(*status)}</th>{cells}</tr> }
        })
        .collect_view();
    let items = (overview.items.into_iter())
        .map(|entry| {
            let a = entry.item;
            let status = a.status.map(Msg::for_assignment_status);
            let forecast = a.forecast.map(Msg::for_assignment_forecast);
            view! {
                <tr class:overdue=entry.overdue>
                    <th scope="row">
                        {a.title}
                        {a.latest_comment.map(|(date, text)| view! {
                            <small class="comment">{t(Msg::LatestComment)}" ("{date}"): "{text}</small>
                        })}
                    </th>
                    <td>{entry.goal}</td>
                    <td>{a.department}</td>
                    <td>
                        {a.end_date}
                        {entry.overdue.then(|| view! { " "<span class="badge badge--overdue">{t(Msg::Overdue)}</span> })}
                    </td>
                    <td>{status.map(t)}</td>
                    <td>{forecast.map(t)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="assignments-heading">
            <h2 id="assignments-heading">{t(Msg::AssignmentsAndInitiatives)}</h2>
            <div class="table-scroll">
                <table class="status-matrix">
                    <caption>{t(Msg::StatusByForecast)}</caption>
                    <thead><tr><th scope="col">{t(Msg::Status)}</th>{header}</tr></thead>
                    <tbody>{matrix}</tbody>
                </table>
            </div>
            <div class="table-scroll">
                <table class="assignments">
                    <thead>
                        <tr>
                            <th scope="col">{t(Msg::Uppdrag)}" / "{t(Msg::Initiativ)}</th>
                            <th scope="col">{t(Msg::Goal)}</th>
                            <th scope="col">{t(Msg::ResponsibleDepartment)}</th>
                            <th scope="col">{t(Msg::EndDate)}</th>
                            <th scope="col">{t(Msg::Status)}</th>
                            <th scope="col">{t(Msg::Forecast)}</th>
                        </tr>
                    </thead>
                    <tbody>{items}</tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}
