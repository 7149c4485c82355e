//! The plan's decisions on the council page: the adopted versions with body, date and
//! paragraph; for admins, the form that adopts the draft, or the button that starts the
//! next version as a draft.

use leptos::prelude::*;

use crate::api::{adopt_plan, start_plan_draft};
use crate::domain::PlanStatus;
use crate::i18n::{Msg, message, t};
use crate::model::{AdoptionView, AppError, DecisionForm, PlanState, PlanSummary};

fn failure(err: &AppError) -> AnyView {
    let (label, text) = match err {
        AppError::Invalid { field, message } => (
            match field.as_str() {
                "date" => Some(Msg::DecisionDate),
                "body" => Some(Msg::DecisionBody),
                "paragraph" => Some(Msg::DecisionParagraph),
                _ => None,
            },
            message.clone(),
        ),
        AppError::Conflict(detail) | AppError::Busy(detail) => (None, detail.clone()),
        AppError::Rejected(problems) => return super::problem_list(problems.clone()),
        _ => {
            return view! { <p class="notice notice--error" role="alert">{t(Msg::SomethingWentWrong)}</p> }.into_any();
        }
    };
    view! {
        <p class="notice notice--error" role="alert">
            {label.map(|label| view! { <strong>{t(label)}": "</strong> })}
            {message(text)}
        </p>
    }
    .into_any()
}

/// `on_change` runs after a decision is recorded, to reload the plan.
#[component]
pub fn PlanDecisions(
    plan: PlanSummary,
    adoptions: Vec<AdoptionView>,
    can_decide: bool,
    on_change: Callback<()>,
) -> impl IntoView {
    let (plan_id, revision, version) = (plan.id, plan.revision, plan.version);
    let adopted = plan.status == PlanStatus::Adopted;
    let adopt = Action::new(move |form: &DecisionForm| {
        let form = form.clone();
        async move { adopt_plan(plan_id, revision, form).await }
    });
    let new_draft = Action::new(move |_: &()| async move { start_plan_draft(plan_id, revision).await });
    let done = move |result: Option<Result<PlanState, AppError>>| match result {
        Some(Ok(_)) => {
            on_change.run(());
            None
        }
        Some(Err(err)) => Some(failure(&err)),
        None => None,
    };
    let date = RwSignal::new(String::new());
    let body = RwSignal::new(plan.council_name.clone());
    let paragraph = RwSignal::new(String::new());
    let list = if adoptions.is_empty() {
        view! { <p>{t(Msg::NotAdoptedYet)}</p> }.into_any()
    } else {
        view! {
            <ul class="decisions__list">
                {adoptions.into_iter().rev().map(|a| view! {
                    <li>
                        {t(Msg::VersionCapital)}" "{a.version}" "{t(Msg::AdoptedBy)}" "{a.body}" "{a.date}", "{a.paragraph}
                        <small>" ("{a.adopted_by}")"</small>
                    </li>
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let adopt_form = (can_decide && !adopted).then(|| {
        view! {
            <form class="decisions__form" on:submit=move |ev| {
                ev.prevent_default();
                adopt.dispatch(DecisionForm {
                    date: date.get_untracked(),
                    body: body.get_untracked(),
                    paragraph: paragraph.get_untracked(),
                });
            }>
                <h3>{t(Msg::AdoptVersion)}" "{version}</h3>
                <label class="field">
                    <span>{t(Msg::DecisionDate)}</span>
                    <input type="date" required prop:value=date on:input=move |ev| date.set(event_target_value(&ev)) />
                </label>
                <label class="field">
                    <span>{t(Msg::DecisionBody)}</span>
                    <input type="text" required prop:value=body on:input=move |ev| body.set(event_target_value(&ev)) />
                </label>
                <label class="field">
                    <span>{t(Msg::DecisionParagraph)}</span>
                    <input type="text" required placeholder="§ 123" prop:value=paragraph
                        on:input=move |ev| paragraph.set(event_target_value(&ev)) />
                </label>
                <p class="muted">{t(Msg::AdoptHint)}</p>
                <button type="submit" disabled=move || adopt.pending().get()>{t(Msg::Adopt)}</button>
                {move || done(adopt.value().get())}
            </form>
        }
    });
    let draft_button = (can_decide && adopted).then(|| {
        view! {
            <div class="decisions__form">
                <p class="muted">{t(Msg::NewDraftHint)}</p>
                <button type="button" disabled=move || new_draft.pending().get() on:click=move |_| {
                    new_draft.dispatch(());
                }>{t(Msg::StartNewDraft)}" ("{t(Msg::Version)}" "{version + 1}")"</button>
                {move || done(new_draft.value().get())}
            </div>
        }
    });
    view! {
        <details class="decisions">
            <summary>{t(Msg::Decisions)}</summary>
            {list}
            {adopt_form}
            {draft_button}
        </details>
    }
}
