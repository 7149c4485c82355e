//! Editing a draft plan's goal (admins): number, title and the texts of its level's
//! sections; moving it (to another parent, up or down among its siblings); deleting it
//! after a confirmation, when nothing hangs on it. Also the form for a new goal.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

use super::goal_links::links_section;
use super::goal_rule::rule_section;
use super::indicator_edit::history_view;
use super::{error_view, save_error};
use crate::api::{create_goal, delete_goal, goal_for_edit, move_goal, new_goal, save_goal};
use crate::domain::PlanId;
use crate::i18n::{Msg, t, text_now, use_locale};
use crate::model::{AppError, Attached, GoalEditView, GoalForm};

fn plan_id() -> impl Fn() -> Option<PlanId> + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || params.read().get("id").and_then(|id| id.parse().ok())
}

/// `/planer/:id/mal/:code`
#[component]
pub fn GoalEditPage() -> impl IntoView {
    let params = use_params_map();
    let plan = plan_id();
    let data = Resource::new(
        move || (plan(), params.read().get("code").unwrap_or_default()),
        |(plan, code)| async move {
            match plan {
                Some(plan) => goal_for_edit(plan, code).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    editor_page(data)
}

/// `/planer/:id/nytt-mal?under=CODE&niva=KEY`
#[component]
pub fn NewGoalPage() -> impl IntoView {
    let query = use_query_map();
    let plan = plan_id();
    let data = Resource::new(
        move || (plan(), query.read().get("under"), query.read().get("niva")),
        |(plan, parent, level)| async move {
            match plan {
                Some(plan) => new_goal(plan, parent, level).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    editor_page(data)
}

fn editor_page(data: Resource<Result<GoalEditView, AppError>>) -> impl IntoView {
    view! {
        <Suspense fallback=|| view! { <p>{t(Msg::Loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(goal) => editor(goal),
                    Err(err) => error_view(err),
                }
            })}
        </Suspense>
    }
}

fn error_notice(err: &AppError) -> AnyView {
    save_error(err, Msg::GoalConflict)
}

fn editor(data: GoalEditView) -> AnyView {
    let GoalEditView {
        plan_id,
        plan_name,
        editable,
        code,
        revision,
        level,
        parent,
        parent_options,
        level_options,
        position,
        siblings,
        form,
        attached,
        rule,
        links,
        history,
    } = data;
    let creating = code.is_empty();
    let plan_url = format!("/planer/{plan_id}");
    let form = RwSignal::new(form);
    let revision = RwSignal::new(revision);

    let save_code = code.clone();
    let save_parent = parent.clone();
    let save = Action::new(move |form: &GoalForm| {
        let (form, code, parent) = (form.clone(), save_code.clone(), save_parent.clone());
        async move {
            if code.is_empty() {
                create_goal(plan_id, parent, form).await.map(Some)
            } else {
                save_goal(plan_id, code, revision.get_untracked(), form).await.map(|r| {
                    revision.set(r);
                    None
                })
            }
        }
    });
    let after_create = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(Some(new_code))) = save.value().get() {
            after_create(&format!("/planer/{plan_id}/mal/{new_code}"), Default::default());
        }
    });
    let saved_message = move || match save.value().get() {
        Some(Ok(_)) => Some(view! { <p class="notice" role="status">{t(Msg::Saved)}</p> }.into_any()),
        Some(Err(err)) => Some(error_notice(&err)),
        None => None,
    };
    let title = if creating { Msg::NewGoal } else { Msg::EditGoal };
    let page_title = format!("{} – {plan_name}", text_now(title));
    let sections = form.with_untracked(|f| f.sections.len());

    view! {
        <Title text=page_title />
        <p class="breadcrumb"><a href=plan_url.clone()>{plan_name}</a></p>
        <h1>{t(title)}</h1>
        <p class="muted">{t(Msg::Level)}": "{level}{(!creating).then(|| view! { " · "{t(Msg::Code)}": "<code>{code.clone()}</code> })}</p>
        {(level_options.len() > 1).then(|| level_choice(plan_id, parent.clone(), level_options, form))}
        {(!editable).then(|| view! { <p class="notice">{t(Msg::Frozen)}</p> })}
        <form class="form form--wide" on:submit=move |ev| {
            ev.prevent_default();
            save.dispatch(form.get_untracked());
        }>
            <div class="form-row">
                <label class="field field--narrow">
                    <span>{t(Msg::Number)}</span>
                    <input type="text" disabled=!editable prop:value=move || form.with(|f| f.number.clone())
                        on:input=move |ev| form.update(|f| f.number = event_target_value(&ev)) />
                </label>
                <label class="field">
                    <span>{t(Msg::GoalTitle)}</span>
                    <input type="text" required disabled=!editable prop:value=move || form.with(|f| f.title.clone())
                        on:input=move |ev| form.update(|f| f.title = event_target_value(&ev)) />
                </label>
            </div>
            {(0..sections).map(|i| {
                let label = form.with_untracked(|f| f.sections[i].title.clone());
                view! {
                    <label class="field">
                        <span>{label}</span>
                        <textarea rows="5" disabled=!editable prop:value=move || form.with(|f| f.sections[i].text.clone())
                            on:input=move |ev| form.update(|f| f.sections[i].text = event_target_value(&ev))></textarea>
                    </label>
                }
            }).collect_view()}
            {saved_message}
            <button type="submit" class="primary" disabled=move || !editable || save.pending().get()>
                {move || if save.pending().get() { t(Msg::Saving)() } else { t(Msg::Save)() }}
            </button>
        </form>
        {rule.map(|rule| rule_section(plan_id, code.clone(), revision, rule, editable))}
        {links.map(|links| links_section(plan_id, code.clone(), revision, links, editable))}
        {(!creating && editable).then(|| {
            let mover = MoveProps { plan_id, code: code.clone(), revision, parent: parent.clone(), parent_options, position, siblings };
            view! {
                {move_section(mover)}
                {delete_section(plan_id, code.clone(), revision, attached, plan_url.clone())}
            }
        })}
        {(!creating).then(|| history_view(history))}
    }
    .into_any()
}

/// On a new goal: the levels it may be on. Choosing one opens the form for that level
/// (its sections, its numbering).
fn level_choice(
    plan_id: PlanId,
    parent: Option<String>,
    options: Vec<crate::model::LevelChoice>,
    form: RwSignal<GoalForm>,
) -> AnyView {
    let navigate = use_navigate();
    let current = form.with_untracked(|f| f.level.clone());
    view! {
        <label class="field field--narrow">
            <span>{t(Msg::GoalLevelChoice)}</span>
            <select on:change=move |ev| {
                let under = parent.as_ref().map(|p| format!("under={p}&")).unwrap_or_default();
                navigate(&format!("/planer/{plan_id}/nytt-mal?{under}niva={}", event_target_value(&ev)), Default::default());
            }>
                {options.into_iter().map(|o| {
                    let selected = o.key == current;
                    view! { <option value=o.key selected=selected>{o.name}</option> }
                }).collect_view()}
            </select>
        </label>
    }
    .into_any()
}

struct MoveProps {
    plan_id: PlanId,
    code: String,
    revision: RwSignal<i32>,
    parent: Option<String>,
    parent_options: Vec<crate::model::ParentOption>,
    position: usize,
    siblings: usize,
}

fn move_section(props: MoveProps) -> impl IntoView {
    let MoveProps {
        plan_id,
        code,
        revision,
        parent,
        parent_options,
        position,
        siblings,
    } = props;
    let target_parent = RwSignal::new(parent.clone().unwrap_or_default());
    // Where the goal is: parent, position, number of siblings.
    let place = RwSignal::new((parent.clone(), position, siblings));
    let moved = Action::new(move |(parent, position): &(Option<String>, usize)| {
        let (code, parent, position) = (code.clone(), parent.clone(), *position);
        async move {
            let now = move_goal(plan_id, code, revision.get_untracked(), parent.clone(), position).await?;
            revision.set(now.revision);
            place.set((parent, now.position, now.siblings));
            Ok::<_, AppError>(())
        }
    });
    let same_parent = move || place.with(|(p, _, _)| p.clone().unwrap_or_default()) == target_parent.get();
    let at = move || place.with(|(_, at, _)| *at);
    let at_end = move || place.with(|(_, at, n)| at + 1 >= *n);
    let message = move || match moved.value().get() {
        Some(Ok(())) => Some(view! { <p class="notice" role="status">{t(Msg::Moved)}</p> }.into_any()),
        Some(Err(err)) => Some(error_notice(&err)),
        None => None,
    };
    let step = move |delta: isize| {
        let (p, at, n) = place.get_untracked();
        let to = at as isize + delta;
        if to >= 0 && (to as usize) < n {
            moved.dispatch((p, to as usize));
        }
    };
    let has_options = parent_options.len() > 1;
    view! {
        <section class="card goal-move" aria-labelledby="move-heading">
            <h2 id="move-heading">{t(Msg::MoveGoal)}</h2>
            <div class="button-row">
                <button type="button" disabled=move || at() == 0 || moved.pending().get() on:click=move |_| step(-1)>{t(Msg::MoveUp)}</button>
                <button type="button" disabled=move || at_end() || moved.pending().get() on:click=move |_| step(1)>{t(Msg::MoveDown)}</button>
            </div>
            {has_options.then(|| view! {
                <form class="form" on:submit=move |ev| {
                    ev.prevent_default();
                    let parent = Some(target_parent.get_untracked()).filter(|p| !p.is_empty());
                    moved.dispatch((parent, usize::MAX));
                }>
                    <label class="field">
                        <span>{t(Msg::PlaceUnder)}</span>
                        <select on:change=move |ev| target_parent.set(event_target_value(&ev))>
                            {parent_options.into_iter().map(|o| {
                                let value = o.code.clone().unwrap_or_default();
                                let selected = o.code == parent;
                                view! { <option value=value selected=selected>{o.label}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                    <button type="submit" disabled=move || same_parent() || moved.pending().get()>{t(Msg::MoveThere)}</button>
                </form>
            })}
            {message}
        </section>
    }
}

fn attached_text(attached: Attached) -> impl Fn() -> String + Send + Sync + 'static {
    let locale = use_locale();
    move || {
        let l = locale.get();
        [
            (attached.sub_goals, Msg::SubGoals),
            (attached.indicators, Msg::Indicators),
            (attached.assignments, Msg::AssignmentsAndInitiatives),
            (attached.activities, Msg::Activities),
            (attached.focus_areas, Msg::FocusAreas),
        ]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, m)| format!("{}: {n}", m.text(l)))
        .collect::<Vec<_>>()
        .join(", ")
    }
}

fn delete_section(
    plan_id: PlanId,
    code: String,
    revision: RwSignal<i32>,
    attached: Attached,
    plan_url: String,
) -> impl IntoView {
    let confirming = RwSignal::new(false);
    let navigate = use_navigate();
    let delete_code = code.clone();
    let deleted = Action::new(move |_: &()| {
        let code = delete_code.clone();
        async move { delete_goal(plan_id, code, revision.get_untracked()).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = deleted.value().get() {
            navigate(&plan_url, Default::default());
        }
    });
    let blocked = !attached.is_empty();
    view! {
        <section class="card goal-delete" aria-labelledby="delete-heading">
            <h2 id="delete-heading">{t(Msg::DeleteGoal)}</h2>
            {if blocked {
                view! {
                    <p class="muted">{t(Msg::CannotDeleteGoal)}" "{attached_text(attached)}"."</p>
                }.into_any()
            } else {
                view! {
                    <button type="button" class="danger" hidden=move || confirming.get() on:click=move |_| confirming.set(true)>
                        {t(Msg::DeleteGoal)}
                    </button>
                    <div role="alertdialog" aria-labelledby="confirm-delete" class="confirm" hidden=move || !confirming.get()>
                        <p id="confirm-delete">{t(Msg::ConfirmDeleteGoal)}" "<strong>{code.clone()}</strong></p>
                        <button type="button" class="danger" on:click=move |_| { deleted.dispatch(()); }>{t(Msg::YesDelete)}</button>
                        " "
                        <button type="button" on:click=move |_| confirming.set(false)>{t(Msg::Cancel)}</button>
                    </div>
                }.into_any()
            }}
            {move || deleted.value().get().and_then(|r| r.err()).map(|err| error_notice(&err))}
        </section>
    }
}
