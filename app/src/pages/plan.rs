//! The council's plan: the goal tree in the tenant's own levels, each goal's texts,
//! indicator tables with a chart per indicator, uppdrag and initiativ. A filter (working
//! once the page has hydrated) narrows the tree to goals and indicators matching a text.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::error_view;
use super::plan_decisions::PlanDecisions;
use crate::api::get_plan;
use crate::components::chart::IndicatorChart;
use crate::domain::{AssignmentId, PlanId};
use crate::i18n::{Msg, t, use_locale};
use crate::model::{
    AppError, AssignmentView, Column, GoalView, IndicatorRow, IndicatorTable, PlanRights, PlanView, TextSection,
};

#[component]
pub fn PlanPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|s| s.parse::<PlanId>().ok());
    let plan = Resource::new(id, |id| async move {
        match id {
            Some(id) => get_plan(id).await,
            None => Err(AppError::NotFound),
        }
    });
    view! {
        <Suspense fallback=|| view! { <p>{t(Msg::Loading)}</p> }>
            {move || Suspend::new(async move {
                match plan.await {
                    Ok(view) => plan_page(view, Callback::new(move |()| plan.refetch())),
                    Err(err) => error_view(err),
                }
            })}
        </Suspense>
    }
}

/// Each goal's searchable text including its descendants', lower-cased, so a matching
/// indicator keeps its goal and the goal's ancestors visible.
pub fn haystacks(goals: &[GoalView]) -> Vec<String> {
    let own: Vec<String> = goals
        .iter()
        .map(|g| {
            let mut text = format!("{} {}", g.number, g.title);
            if let Some(table) = &g.table {
                for row in &table.rows {
                    text.push(' ');
                    text.push_str(&row.name);
                }
            }
            text.to_lowercase()
        })
        .collect();
    (0..goals.len())
        .map(|i| {
            let descendants = goals[i + 1..].iter().take_while(|g| g.depth > goals[i].depth).count();
            own[i..=i + descendants].join(" ")
        })
        .collect()
}

/// `reload` fetches the plan again (after a decision).
fn plan_page(view_data: PlanView, reload: Callback<()>) -> AnyView {
    let PlanView {
        plan,
        rights,
        adoptions,
        sections,
        goals,
        other_assignments,
    } = view_data;
    let plan_id = plan.id;
    let decided = plan.clone();
    let query = RwSignal::new(String::new());
    // The filter only runs in the browser; on the server the query is empty and every goal
    // visible, so the search texts are built after hydration only.
    let haystacks = if cfg!(feature = "ssr") {
        vec![String::new(); goals.len()]
    } else {
        haystacks(&goals)
    };
    let visible = move |haystack: &str| {
        let q = query.read().trim().to_lowercase();
        q.is_empty() || haystack.contains(&q)
    };
    let hay_for_empty = haystacks.clone();
    let nothing_matches = move || !hay_for_empty.iter().any(|h| visible(h));
    let status = Msg::for_plan_status(plan.status);
    let contents = goals
        .iter()
        .zip(&haystacks)
        .map(|(g, hay)| {
            let hay = hay.clone();
            view! {
                <li class=format!("toc__item toc__item--{}", g.depth) hidden=move || !visible(&hay)>
                    <a href=format!("#mal-{}", g.code)>{format!("{} {}", g.number, g.title)}</a>
                </li>
            }
        })
        .collect_view();
    let goal_views = goals
        .into_iter()
        .zip(haystacks)
        .map(|(g, hay)| view! { <div hidden=move || !visible(&hay)>{goal_view(g, rights, plan_id)}</div> })
        .collect_view();
    let years = plan.years();
    view! {
        <Title text=format!("{} – {}", plan.name, plan.council_name) />
        <p class="breadcrumb"><a href="/">{t(Msg::Home)}</a>" › "{plan.council_name.clone()}</p>
        <h1>{plan.name.clone()}</h1>
        <p class="plan-meta">
            {plan.council_name}" · "{plan.kind.map(|k| format!("{k} · "))}{years}" · "
            <span class="badge" data-status=plan.status.as_str()>{t(status)}" ("{t(Msg::Version)}" "{plan.version}")"</span>
        </p>
        <p class="plan-links"><a href=format!("/planer/{plan_id}/uppfoljning")>{t(Msg::FollowUpHeading)}</a></p>
        <PlanDecisions plan=decided adoptions can_decide=rights.decide on_change=reload />
        {(!sections.is_empty()).then(|| view! {
            <details class="plan-texts">
                <summary>{t(Msg::AboutPlan)}</summary>
                {sections.into_iter().map(text_section).collect_view()}
            </details>
        })}
        <div class="plan-layout">
            <nav class="toc" aria-label=t(Msg::Contents)>
                <label class="field">
                    <span>{t(Msg::FilterGoals)}</span>
                    <input type="search" prop:value=move || query.get() on:input=move |ev| query.set(event_target_value(&ev)) />
                </label>
                <ol class="toc__list">{contents}</ol>
            </nav>
            <div class="goals">
                {rights.edit.then(|| view! {
                    <p class="admin-bar"><a href=format!("/planer/{plan_id}/nytt-mal")>{t(Msg::AddGoal)}</a></p>
                })}
                <p class="notice" role="status" hidden=move || !nothing_matches()>{t(Msg::NoMatches)}</p>
                {goal_views}
                {(!other_assignments.is_empty() || rights.edit).then(|| view! {
                    <section class="goal" id="uppdrag">
                        <h2>{t(Msg::AssignmentsAndInitiatives)}</h2>
                        {rights.edit.then(|| view! {
                            <p class="admin-bar"><a href=format!("/planer/{plan_id}/nytt-uppdrag")>{t(Msg::AddAssignment)}</a></p>
                        })}
                        {(!other_assignments.is_empty()).then(|| assignment_table(other_assignments, rights, plan_id))}
                    </section>
                })}
            </div>
        </div>
    }
    .into_any()
}

fn text_section(section: TextSection) -> AnyView {
    view! {
        <details class="text-section">
            <summary>{section.title}</summary>
            {paragraphs(&section.text)}
        </details>
    }
    .into_any()
}

/// Plain text to paragraphs and bullet lists: blank lines separate paragraphs, `- ` lines
/// are bullets, other single lines are kept as lines (sub-headings).
fn paragraphs(text: &str) -> impl IntoView + use<> {
    text.split("\n\n")
        .filter(|block| !block.trim().is_empty())
        .map(|block| {
            let lines: Vec<&str> = block.lines().collect();
            if lines.iter().all(|l| l.starts_with("- ")) {
                view! { <ul>{lines.iter().map(|l| view! { <li>{l[2..].to_owned()}</li> }).collect_view()}</ul> }
                    .into_any()
            } else {
                view! { <p>{lines.join("\n")}</p> }.into_any()
            }
        })
        .collect_view()
}

fn goal_view(goal: GoalView, rights: PlanRights, plan_id: PlanId) -> AnyView {
    let heading = format!("{} {}", goal.number, goal.title);
    let id = format!("mal-{}", goal.code);
    let title = match goal.depth {
        0 => view! { <h2>{heading}</h2> }.into_any(),
        1 => view! { <h3>{heading}</h3> }.into_any(),
        _ => view! { <h4>{heading}</h4> }.into_any(),
    };
    view! {
        <section id=id class=format!("goal goal--{}", goal.depth) data-code=goal.code.clone()>
            <p class="goal__level">{goal.level}</p>
            {title}
            {rights.edit.then(|| view! {
                <p class="admin-bar">
                    <a href=format!("/planer/{plan_id}/mal/{}", goal.code)>{t(Msg::EditGoal)}</a>
                    {(!goal.last_level).then(|| view! {
                        " · "<a href=format!("/planer/{plan_id}/nytt-mal?under={}", goal.code)>{t(Msg::AddSubGoal)}</a>
                    })}
                    {goal.carries_indicators.then(|| view! {
                        " · "<a href=format!("/planer/{plan_id}/ny-indikator?mal={}", goal.code)>{t(Msg::NewIndicator)}</a>
                    })}
                    {goal.carries_assignments.then(|| view! {
                        " · "<a href=format!("/planer/{plan_id}/nytt-uppdrag?mal={}", goal.code)>{t(Msg::AddAssignment)}</a>
                    })}
                </p>
            })}
            {(rights.enter_values && goal.table.is_some()).then(|| view! {
                <p class="editor-bar">
                    <a href=format!("/planer/{plan_id}/utfall?mal={}", goal.code)>{t(Msg::SheetOfGoal)}</a>
                </p>
            })}
            {goal.sections.into_iter().map(text_section).collect_view()}
            {goal.table.map(|table| indicator_table(table, rights))}
            {(!goal.assignments.is_empty()).then(|| assignment_table(goal.assignments, rights, plan_id))}
            {(!goal.focus_areas.is_empty()).then(|| view! {
                <h5>{t(Msg::FocusAreas)}</h5>
                <ul>{goal.focus_areas.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}</ul>
            })}
            {(!goal.activities.is_empty()).then(|| view! {
                <h5>{t(Msg::Activities)}</h5>
                <ul>{goal.activities.into_iter().map(|a| view! { <li>{a}</li> }).collect_view()}</ul>
            })}
        </section>
    }
    .into_any()
}

fn column_header(column: &Column) -> impl IntoView + use<> {
    let locale = use_locale();
    let column = column.clone();
    move || match &column {
        Column::Baseline => Msg::Baseline.text(locale.get()).to_owned(),
        Column::Outcome(period) => format!("{} {period}", Msg::Outcome.text(locale.get())),
        Column::Forecast(period) => format!("{} {period}", Msg::Forecast.text(locale.get())),
        Column::Target(year) => format!("{} {year}", Msg::Target.text(locale.get())),
        Column::Source => Msg::Source.text(locale.get()).to_owned(),
    }
}

fn indicator_table(table: IndicatorTable, rights: PlanRights) -> AnyView {
    let headers = table
        .columns
        .iter()
        .map(|c| view! { <th scope="col" class="num">{column_header(c)}</th> })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="indicators">
                <thead>
                    <tr>
                        <th scope="col">{t(Msg::Indicator)}</th>
                        {headers}
                        <th scope="col" class="num">{t(Msg::LatestOutcome)}</th>
                        <th scope="col"><span class="visually-hidden">{t(Msg::ChartLegend)}</span></th>
                    </tr>
                </thead>
                <tbody>{table.rows.into_iter().map(|row| indicator_row(row, rights)).collect_view()}</tbody>
            </table>
        </div>
    }
    .into_any()
}

fn indicator_row(row: IndicatorRow, rights: PlanRights) -> AnyView {
    let kind = Msg::for_indicator_kind(row.kind);
    let locale = use_locale();
    let label = format!("{} ({})", row.name, Msg::ChartLegend.text(locale.get_untracked()));
    view! {
        <tr data-code=row.code.clone()>
            <th scope="row">
                <span class="indicator__name">{row.name.clone()}</span>
                <span class="badge badge--kind">{t(kind)}</span>
                {rights.enter_values.then(|| view! {
                    <a class="edit-link" href=format!("/indikatorer/{}/utfall", row.code)>{t(Msg::EnterValues)}</a>
                })}
                {rights.edit.then(|| view! {
                    <a class="edit-link" href=format!("/indikatorer/{}", row.code)>{t(Msg::Edit)}</a>
                })}
                {row.department.map(|d| view! { <span class="indicator__department">{d}</span> })}
                {(!row.footnotes.is_empty()).then(|| view! {
                    <small class="footnotes">{row.footnotes.join(" ")}</small>
                })}
            </th>
            {row.cells.into_iter().map(|c| view! { <td class="num">{c}</td> }).collect_view()}
            <td class="num latest">{row.latest}</td>
            <td><IndicatorChart points=row.chart label=label /></td>
        </tr>
    }
    .into_any()
}

fn assignment_table(assignments: Vec<AssignmentView>, rights: PlanRights, plan_id: PlanId) -> AnyView {
    // Editors follow items up on their own page.
    let link = move |id: AssignmentId| rights.enter_values.then(|| format!("/planer/{plan_id}/uppdrag/{id}"));
    let rows = assignments
        .into_iter()
        .map(|a| {
            let href = a.id.and_then(link);
            assignment_row(a, href)
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="assignments">
                <thead>
                    <tr>
                        <th scope="col">{t(Msg::Uppdrag)}" / "{t(Msg::Initiativ)}</th>
                        <th scope="col">{t(Msg::ResponsibleDepartment)}</th>
                        <th scope="col">{t(Msg::NewOrRemaining)}</th>
                        <th scope="col">{t(Msg::EndDate)}</th>
                        <th scope="col">{t(Msg::Status)}</th>
                        <th scope="col">{t(Msg::Forecast)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

fn assignment_row(a: AssignmentView, href: Option<String>) -> AnyView {
    let kind = Msg::for_assignment_kind(a.kind);
    let new = a.is_new.map(|n| if n { Msg::New } else { Msg::Remaining });
    let status = a.status.map(Msg::for_assignment_status);
    let forecast = a.forecast.map(Msg::for_assignment_forecast);
    view! {
        <tr>
            <th scope="row">
                <span class="badge badge--kind">{t(kind)}</span>" "
                {match href {
                    Some(href) => view! { <a href=href>{a.title}</a> }.into_any(),
                    None => a.title.into_any(),
                }}
                {a.latest_comment.map(|(date, text)| view! {
                    <small class="comment">{t(Msg::LatestComment)}" ("{date}"): "{text}</small>
                })}
            </th>
            <td>{a.department}</td>
            <td>{new.map(t)}</td>
            <td>{a.end_date}</td>
            <td>{status.map(t)}</td>
            <td>{forecast.map(t)}</td>
        </tr>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn goal(code: &str, depth: usize, title: &str) -> GoalView {
        GoalView {
            code: code.into(),
            number: code.into(),
            title: title.into(),
            level: String::new(),
            depth,
            last_level: false,
            carries_assignments: false,
            carries_indicators: false,
            sections: vec![],
            table: None,
            assignments: vec![],
            focus_areas: vec![],
            activities: vec![],
        }
    }

    #[test]
    fn a_goal_is_found_by_its_own_or_its_descendants_text() {
        let goals = [
            goal("1", 0, "Ekonomi"),
            goal("1.1", 1, "Balans"),
            goal("2", 0, "Trygghet"),
        ];
        let hay = haystacks(&goals);
        assert!(hay[0].contains("balans"), "a parent carries its child's text");
        assert!(!hay[0].contains("trygghet"), "not its sibling's");
        assert!(hay[1].contains("balans") && !hay[1].contains("ekonomi"));
    }
}
