//! The follow-up of a council's plan at a month: counts per goal level and colour with the
//! change since the month before, the goal tree with each verdict (open a goal for its
//! explanation, an indicator for its chart), manual verdicts for editors, and the uppdrag
//! by status and forecast. The month and the filters are in the address (`?manad=2025-10
//! &avdelning=…&farg=red`), so a view can be bookmarked and shared.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::error_view;
use super::follow_up_parts::{ColourDot, LevelCounts, ManualVerdictEditor, assignment_overview, colour_msg};
use crate::api::get_follow_up;
use crate::components::chart::IndicatorChart;
use crate::domain::PlanId;
use crate::i18n::{Msg, t, use_locale};
use crate::model::{
    AppError, Colour, ContributionFollowUp, FollowUpFilter, FollowUpView, GoalFollowUp, IndicatorFollowUp,
    ManualVerdictView, VerdictKind,
};

#[component]
pub fn FollowUpPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    // The server writes explanations and month names in the page's language: switching it
    // fetches them again (the cookie already says the new one).
    let locale = use_locale();
    let request = move || {
        let id = params.read().get("id").and_then(|s| s.parse::<PlanId>().ok());
        let query = query.read();
        let filter = FollowUpFilter {
            month: query.get("manad"),
            department: query.get("avdelning").filter(|d| !d.is_empty()),
            colour: query.get("farg").and_then(|c| Colour::parse(&c)),
        };
        (id, filter, locale.get())
    };
    let page = Resource::new(request, |(id, filter, _)| async move {
        match id {
            Some(id) => get_follow_up(id, filter).await,
            None => Err(AppError::NotFound),
        }
    });
    view! {
        <Suspense fallback=|| view! { <p>{t(Msg::Loading)}</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(view) => follow_up_page(view, Callback::new(move |()| page.refetch())),
                    Err(err) => error_view(err),
                }
            })}
        </Suspense>
    }
}

fn follow_up_page(data: FollowUpView, reload: Callback<()>) -> AnyView {
    let plan = data.plan.clone();
    let context = GoalContext {
        plan_id: plan.id,
        periods: data.judgement_periods.clone(),
        can_judge: data.can_judge,
        reload,
    };
    let goals = if data.goals.is_empty() {
        view! { <p class="notice" role="status">{t(Msg::NoGoalsMatch)}</p> }.into_any()
    } else {
        let items = (data.goals.into_iter()).map(|g| goal_item(g, &context)).collect_view();
        view! { <ol class="verdict-tree">{items}</ol> }.into_any()
    };
    let filters = filter_form(
        &data.month,
        &data.first_month,
        &data.last_month,
        &data.departments,
        data.department.as_ref(),
        data.colour,
    );
    view! {
        <Title text=format!("{} – {}", crate::i18n::text_now(Msg::FollowUpHeading), plan.name) />
        <p class="breadcrumb">
            <a href="/">{t(Msg::Home)}</a>" › "{plan.council_name.clone()}" › "
            <a href=format!("/planer/{}", plan.id)>{plan.name.clone()}</a>
        </p>
        <h1>{t(Msg::FollowUpOf)}" "{plan.name.clone()}</h1>
        {filters}
        {defaults(data.defaults)}
        <LevelCounts levels=data.levels previous=data.previous_label />
        <section aria-labelledby="goals-heading">
            <h2 id="goals-heading">{t(Msg::Goal)}" – "{data.month_label}</h2>
            {goals}
        </section>
        {assignment_overview(data.assignments)}
    }
    .into_any()
}

/// The month picker and the filters: a plain GET form, so the choice is in the address.
fn filter_form(
    month: &str,
    first: &str,
    last: &str,
    departments: &[String],
    department: Option<&String>,
    colour: Option<Colour>,
) -> AnyView {
    let department_options = (departments.iter())
        .map(|d| view! { <option value=d.clone() selected=department == Some(d)>{d.clone()}</option> })
        .collect_view();
    let colour_options = (Colour::ALL.into_iter())
        .map(|c| view! { <option value=c.as_str() selected=colour == Some(c)>{t(colour_msg(c))}</option> })
        .collect_view();
    view! {
        <form class="filters" method="get">
            <label class="field">
                <span>{t(Msg::Month)}</span>
                <input type="month" name="manad" value=month.to_owned() min=first.to_owned() max=last.to_owned() required />
            </label>
            <label class="field">
                <span>{t(Msg::Department)}</span>
                <select name="avdelning">
                    <option value="">{t(Msg::AllDepartments)}</option>
                    {department_options}
                </select>
            </label>
            <label class="field">
                <span>{t(Msg::Colour)}</span>
                <select name="farg">
                    <option value="">{t(Msg::AllColours)}</option>
                    {colour_options}
                </select>
            </label>
            <button type="submit">{t(Msg::Show)}</button>
        </form>
    }
    .into_any()
}

/// What applies where an indicator or goal has no method or rule of its own.
fn defaults(lines: Vec<(String, String)>) -> AnyView {
    let lines = (lines.into_iter())
        .map(|(what, how)| view! { <dt>{what}</dt><dd>{how}</dd> })
        .collect_view();
    view! {
        <details class="defaults">
            <summary>{t(Msg::HowAssessed)}</summary>
            <dl>{lines}</dl>
        </details>
    }
    .into_any()
}

/// What every goal and indicator item needs besides itself.
#[derive(Clone)]
struct GoalContext {
    plan_id: PlanId,
    /// What a new manual verdict can be given for: the month, then the periods it closes.
    periods: Vec<(String, String)>,
    can_judge: bool,
    reload: Callback<()>,
}

impl GoalContext {
    /// The manual verdict form, for those who may give one.
    fn editor(&self, kind: VerdictKind, code: &str, given: Option<ManualVerdictView>) -> Option<AnyView> {
        self.can_judge.then(|| {
            view! {
                <ManualVerdictEditor
                    plan_id=self.plan_id
                    kind=kind
                    code=code.to_owned()
                    periods=self.periods.clone()
                    given=given
                    on_saved=self.reload
                />
            }
            .into_any()
        })
    }
}

fn goal_item(goal: GoalFollowUp, context: &GoalContext) -> AnyView {
    if !goal.assessed {
        return grouping_item(goal, context);
    }
    let indicators = (!goal.indicators.is_empty()).then(|| {
        let items = (goal.indicators.into_iter())
            .map(|i| indicator_item(i, context))
            .collect_view();
        view! { <ul class="verdict-indicators">{items}</ul> }
    });
    let editor = context.editor(VerdictKind::Goal, &goal.code, goal.manual);
    let contributions = (!goal.contributions.is_empty()).then(|| contributions_table(goal.contributions));
    view! {
        <li class=format!("verdict-item verdict-item--{}", goal.depth) data-code=goal.code.clone() data-verdict=goal.verdict.as_str()>
            <details>
                <summary>
                    <ColourDot colour=goal.verdict />
                    <span class="verdict-item__level">{goal.level}</span>" "
                    <span class="verdict-item__name">{format!("{} {}", goal.number, goal.title)}</span>
                    {(goal.previous != goal.verdict).then(|| view! {
                        <small class="verdict-item__trend">{t(Msg::LastMonth)}": "{t(colour_msg(goal.previous))}</small>
                    })}
                </summary>
                <p class="explanation">{goal.explanation}</p>
                {editor}
            </details>
            {contributions}
            {indicators}
        </li>
    }
    .into_any()
}

/// A goal that only groups others (a perspective): its name and what it groups, no verdict.
fn grouping_item(goal: GoalFollowUp, context: &GoalContext) -> AnyView {
    let indicators = (goal.indicators.into_iter())
        .map(|i| indicator_item(i, context))
        .collect_view();
    view! {
        <li class=format!("verdict-item verdict-item--{} verdict-item--grouping", goal.depth) data-code=goal.code.clone()>
            <p class="verdict-item__group">
                <span class="verdict-item__level">{goal.level}</span>" "
                <span class="verdict-item__name">{format!("{} {}", goal.number, goal.title)}</span>
            </p>
            <ul class="verdict-indicators">{indicators}</ul>
        </li>
    }
    .into_any()
}

/// The councils' goals contributing to a goal of the municipality's plan, side by side.
fn contributions_table(contributions: Vec<ContributionFollowUp>) -> impl IntoView {
    view! {
        <div class="table-scroll">
            <table class="table contributions">
                <caption>{t(Msg::Contributions)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(Msg::Council)}</th>
                        <th scope="col">{t(Msg::Goal)}</th>
                        <th scope="col">{t(Msg::ContributionKind)}</th>
                        <th scope="col">{t(Msg::VerdictHeading)}</th>
                    </tr>
                </thead>
                <tbody>
                    {contributions.into_iter().map(|c| {
                        let href = format!("/planer/{}/uppfoljning", c.plan_id);
                        view! {
                            <tr data-code=c.code.clone() data-verdict=c.verdict.as_str()>
                                <td>{c.council}</td>
                                <th scope="row"><a href=href>{c.title}</a></th>
                                <td>{t(Msg::for_contribution(c.kind))}</td>
                                <td title=c.explanation><ColourDot colour=c.verdict />" "{t(colour_msg(c.verdict))}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

fn indicator_item(indicator: IndicatorFollowUp, context: &GoalContext) -> AnyView {
    let label = format!("{} ({})", indicator.name, indicator.unit);
    let editor = context.editor(VerdictKind::Indicator, &indicator.code, indicator.manual);
    view! {
        <li class="verdict-indicator" data-code=indicator.code.clone() data-verdict=indicator.verdict.as_str()>
            <details>
                <summary>
                    <ColourDot colour=indicator.verdict />
                    <span class="verdict-item__name">{indicator.name.clone()}</span>
                    {indicator.department.map(|d| view! { <small class="indicator__department">{d}</small> })}
                </summary>
                <p class="explanation">{indicator.explanation}</p>
                <IndicatorChart points=indicator.chart label=label />
                <p class="chart-legend">
                    <span class="legend legend--outcome">{t(Msg::OutcomeToDate)}</span>
                    <span class="legend legend--target">{t(Msg::Target)}</span>
                    <span class="legend legend--pace">{t(Msg::PaceLine)}</span>
                </p>
                {editor}
            </details>
        </li>
    }
    .into_any()
}
