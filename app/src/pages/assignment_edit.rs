//! An uppdrag or nämndinitiativ: its follow-up (status, forecast, dated comments; editors,
//! also on adopted plans), what it is (admins, on a draft), deletion, and its history.
//! Also the form for a new one.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

use super::indicator_edit::history_view;
use super::{error_view, save_error};
use crate::api::{
    assignment_for_edit, create_assignment, delete_assignment, new_assignment, report_assignment, save_assignment,
};
use crate::domain::{AssignmentForecast, AssignmentId, AssignmentKind, AssignmentStatus, PlanId};
use crate::i18n::{Msg, t, text_now};
use crate::model::{AppError, AssignmentEditView, AssignmentForm, CommentView, FollowUp, NewComment};

fn param<T: std::str::FromStr>(name: &'static str) -> impl Fn() -> Option<T> + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || params.read().get(name).and_then(|id| id.parse().ok())
}

/// `/planer/:id/uppdrag/:item`
#[component]
pub fn AssignmentPage() -> impl IntoView {
    let (plan, item) = (param::<PlanId>("id"), param::<AssignmentId>("item"));
    let data = Resource::new(
        move || (plan(), item()),
        |ids| async move {
            match ids {
                (Some(plan), Some(item)) => assignment_for_edit(plan, item).await,
                _ => Err(AppError::NotFound),
            }
        },
    );
    page(data)
}

/// `/planer/:id/nytt-uppdrag?mal=CODE`
#[component]
pub fn NewAssignmentPage() -> impl IntoView {
    let plan = param("id");
    let query = use_query_map();
    let data = Resource::new(
        move || (plan(), query.read().get("mal")),
        |(plan, goal)| async move {
            match plan {
                Some(plan) => new_assignment(plan, goal).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    page(data)
}

fn page(data: Resource<Result<AssignmentEditView, AppError>>) -> impl IntoView {
    view! {
        <Suspense fallback=|| view! { <p>{t(Msg::Loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(item) => editor(item, Callback::new(move |()| data.refetch())),
                    Err(err) => error_view(err),
                }
            })}
        </Suspense>
    }
}

fn editor(data: AssignmentEditView, reload: Callback<()>) -> AnyView {
    let plan_url = format!("/planer/{}", data.plan_id);
    let heading = if data.id.is_none() {
        Msg::NewAssignment
    } else {
        Msg::AssignmentHeading
    };
    let revision = RwSignal::new(data.revision);
    let follow_up = data.id.filter(|_| data.can_follow_up).map(|id| {
        follow_up_section(
            data.plan_id,
            id,
            revision,
            data.follow_up.clone(),
            data.comments.clone(),
            reload,
        )
    });
    let deletion = data
        .id
        .filter(|_| data.can_define)
        .map(|id| delete_section(data.plan_id, id, revision, plan_url.clone()));
    view! {
        <Title text=format!("{} – {}", text_now(heading), data.plan_name) />
        <p class="breadcrumb"><a href=plan_url>{data.plan_name.clone()}</a></p>
        <h1>{t(heading)}</h1>
        {(!data.form.title.is_empty()).then(|| view! { <p class="lead">{data.form.title.clone()}</p> })}
        {follow_up}
        {definition_section(&data, revision)}
        {deletion}
        {data.id.is_some().then(|| history_view(data.history.clone()))}
    }
    .into_any()
}

/// One `<option>` per choice, its value the variant's name (empty for `None`).
fn options<E: Copy + PartialEq>(
    choices: &[(Option<E>, Msg)],
    current: Option<E>,
    name: fn(E) -> &'static str,
) -> impl IntoView {
    choices
        .iter()
        .map(|&(choice, label)| view! { <option value=choice.map_or("", name) selected=current == choice>{t(label)}</option> })
        .collect_view()
}

const STATUSES: [(Option<AssignmentStatus>, Msg); 4] = [
    (None, Msg::NotAssessed),
    (Some(AssignmentStatus::EjPaborjad), Msg::NotStarted),
    (Some(AssignmentStatus::Paborjad), Msg::Started),
    (Some(AssignmentStatus::Slutford), Msg::Completed),
];
const FORECASTS: [(Option<AssignmentForecast>, Msg); 3] = [
    (None, Msg::NotAssessed),
    (Some(AssignmentForecast::EnligtPlan), Msg::OnPlan),
    (Some(AssignmentForecast::Avvikelse), Msg::Deviation),
];
const KINDS: [(Option<AssignmentKind>, Msg); 2] = [
    (Some(AssignmentKind::Uppdrag), Msg::Uppdrag),
    (Some(AssignmentKind::Initiativ), Msg::Initiativ),
];

/// An item's `is_new` as its option's value.
fn new_value(is_new: bool) -> &'static str {
    if is_new { "ny" } else { "kvar" }
}

fn follow_up_section(
    plan_id: PlanId,
    id: AssignmentId,
    revision: RwSignal<i32>,
    current: FollowUp,
    comments: Vec<CommentView>,
    reload: Callback<()>,
) -> impl IntoView {
    let status = RwSignal::new(current.status);
    let forecast = RwSignal::new(current.forecast);
    let comment_date = RwSignal::new(String::new());
    let comment = RwSignal::new(String::new());
    let report = Action::new(move |follow_up: &FollowUp| {
        let follow_up = follow_up.clone();
        async move { report_assignment(plan_id, id, revision.get_untracked(), follow_up).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(next)) = report.value().get() {
            revision.set(next);
            reload.run(());
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = comment.get_untracked();
        report.dispatch(FollowUp {
            status: status.get_untracked(),
            forecast: forecast.get_untracked(),
            comment: (!text.trim().is_empty()).then(|| NewComment {
                date: comment_date.get_untracked(),
                text,
            }),
        });
    };
    view! {
        <section class="card" aria-labelledby="follow-up-heading">
            <h2 id="follow-up-heading">{t(Msg::FollowUpHeading)}</h2>
            <form class="form" on:submit=submit>
                <div class="form-row">
                    <label class="field">
                        <span>{t(Msg::Status)}</span>
                        <select on:change=move |ev| status.set(AssignmentStatus::parse(&event_target_value(&ev)))>{options(&STATUSES, current.status, AssignmentStatus::as_str)}</select>
                    </label>
                    <label class="field">
                        <span>{t(Msg::Forecast)}</span>
                        <select on:change=move |ev| forecast.set(AssignmentForecast::parse(&event_target_value(&ev)))>{options(&FORECASTS, current.forecast, AssignmentForecast::as_str)}</select>
                    </label>
                </div>
                <div class="form-row">
                    <label class="field field--narrow">
                        <span>{t(Msg::CommentDate)}</span>
                        <input type="date" prop:value=comment_date on:input=move |ev| comment_date.set(event_target_value(&ev)) />
                    </label>
                    <label class="field">
                        <span>{t(Msg::NewComment)}</span>
                        <textarea rows="3" prop:value=comment on:input=move |ev| comment.set(event_target_value(&ev))></textarea>
                    </label>
                </div>
                {move || report.value().get().and_then(|r| r.err()).map(|err| save_error(&err, Msg::AssignmentConflict))}
                <button type="submit" class="primary" disabled=move || report.pending().get()>{t(Msg::SaveFollowUp)}</button>
            </form>
            <h3>{t(Msg::Comments)}</h3>
            {if comments.is_empty() {
                view! { <p class="muted">{t(Msg::NoComments)}</p> }.into_any()
            } else {
                view! {
                    <ol class="comments">
                        {comments.into_iter().map(|c| view! {
                            <li><time>{c.date}</time>" "{c.text}{c.author.map(|a| view! { <small>" – "{a}</small> })}</li>
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
        </section>
    }
}

fn definition_section(data: &AssignmentEditView, revision: RwSignal<i32>) -> impl IntoView {
    let (plan_id, id, editable) = (data.plan_id, data.id, data.can_define);
    let form = RwSignal::new(data.form.clone());
    let save = Action::new(move |form: &AssignmentForm| {
        let form = form.clone();
        async move {
            match id {
                None => create_assignment(plan_id, form).await.map(Some),
                Some(id) => save_assignment(plan_id, id, revision.get_untracked(), form)
                    .await
                    .map(|next| {
                        revision.set(next);
                        None
                    }),
            }
        }
    });
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(Some(new_id))) = save.value().get() {
            navigate(&format!("/planer/{plan_id}/uppdrag/{new_id}"), Default::default());
        }
    });
    let goal_options = data
        .goals
        .iter()
        .map(|g| view! { <option value=g.code.clone() selected=data.form.goal == g.code>{g.label.clone()}</option> })
        .collect_view();
    let department_options = data
        .departments
        .iter()
        .map(|d| view! { <option value=d.clone() selected=data.form.department == *d>{d.clone()}</option> })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="definition-heading">
            <h2 id="definition-heading">{t(Msg::AssignmentDetails)}</h2>
            {(!editable && id.is_some()).then(|| view! { <p class="muted">{t(Msg::DetailsAdminsOnDrafts)}</p> })}
            <form class="form form--wide" on:submit=move |ev| {
                ev.prevent_default();
                save.dispatch(form.get_untracked());
            }>
                <div class="form-row">
                    <label class="field field--narrow">
                        <span>{t(Msg::Kind)}</span>
                        <select disabled=!editable on:change=move |ev| if let Some(kind) = AssignmentKind::parse(&event_target_value(&ev)) { form.update(|f| f.kind = kind) }>
                            {options(&KINDS, Some(data.form.kind), AssignmentKind::as_str)}
                        </select>
                    </label>
                    <label class="field">
                        <span>{t(Msg::GoalTitle)}</span>
                        <textarea rows="2" required disabled=!editable prop:value=move || form.with(|f| f.title.clone())
                            on:input=move |ev| form.update(|f| f.title = event_target_value(&ev))></textarea>
                    </label>
                </div>
                <label class="field">
                    <span>{t(Msg::Goal)}</span>
                    <select disabled=!editable on:change=move |ev| form.update(|f| f.goal = event_target_value(&ev))>
                        <option value="" selected=data.form.goal.is_empty()>{t(Msg::NoGoal)}</option>
                        {goal_options}
                    </select>
                </label>
                <div class="form-row">
                    <label class="field">
                        <span>{t(Msg::ResponsibleDepartment)}</span>
                        <select disabled=!editable on:change=move |ev| form.update(|f| f.department = event_target_value(&ev))>
                            <option value="" selected=data.form.department.is_empty()>{t(Msg::NoDepartment)}</option>
                            {department_options}
                        </select>
                    </label>
                    <label class="field field--narrow">
                        <span>{t(Msg::NewOrRemaining)}</span>
                        <select disabled=!editable on:change=move |ev| form.update(|f| f.is_new = match event_target_value(&ev).as_str() {
                            "ny" => Some(true),
                            "kvar" => Some(false),
                            _ => None,
                        })>
                            {options(&[(None, Msg::NotStated), (Some(true), Msg::New), (Some(false), Msg::Remaining)], data.form.is_new, new_value)}
                        </select>
                    </label>
                    <label class="field field--narrow">
                        <span>{t(Msg::EndDate)}</span>
                        <input type="date" disabled=!editable prop:value=move || form.with(|f| f.end_date.clone())
                            on:input=move |ev| form.update(|f| f.end_date = event_target_value(&ev)) />
                    </label>
                    <label class="field">
                        <span>{t(Msg::DecisionBody)}</span>
                        <input type="text" disabled=!editable prop:value=move || form.with(|f| f.decision_body.clone())
                            on:input=move |ev| form.update(|f| f.decision_body = event_target_value(&ev)) />
                    </label>
                </div>
                {move || match save.value().get() {
                    Some(Ok(None)) => Some(view! { <p class="notice" role="status">{t(Msg::Saved)}</p> }.into_any()),
                    Some(Err(err)) => Some(save_error(&err, Msg::AssignmentConflict)),
                    _ => None,
                }}
                {editable.then(|| view! {
                    <button type="submit" class="primary" disabled=move || save.pending().get()>{t(Msg::Save)}</button>
                })}
            </form>
        </section>
    }
}

fn delete_section(plan_id: PlanId, id: AssignmentId, revision: RwSignal<i32>, plan_url: String) -> impl IntoView {
    let confirming = RwSignal::new(false);
    let navigate = use_navigate();
    let deleted =
        Action::new(move |_: &()| async move { delete_assignment(plan_id, id, revision.get_untracked()).await });
    Effect::new(move |_| {
        if let Some(Ok(())) = deleted.value().get() {
            navigate(&plan_url, Default::default());
        }
    });
    view! {
        <section class="card" aria-labelledby="delete-heading">
            <h2 id="delete-heading">{t(Msg::DeleteAssignment)}</h2>
            <button type="button" class="danger" hidden=move || confirming.get() on:click=move |_| confirming.set(true)>
                {t(Msg::DeleteAssignment)}
            </button>
            <div role="alertdialog" aria-labelledby="confirm-delete" class="confirm" hidden=move || !confirming.get()>
                <p id="confirm-delete">{t(Msg::ConfirmDeleteAssignment)}</p>
                <button type="button" class="danger" on:click=move |_| { deleted.dispatch(()); }>{t(Msg::YesDelete)}</button>
                " "
                <button type="button" on:click=move |_| confirming.set(false)>{t(Msg::Cancel)}</button>
            </div>
            {move || deleted.value().get().and_then(|r| r.err()).map(|err| save_error(&err, Msg::AssignmentConflict))}
        </section>
    }
}
