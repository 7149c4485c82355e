//! A goal's assessment rule on its editor page: the rule in force and what the goal falls
//! back to, in words; the rule's fields; a preview of the month's verdicts under the edited
//! rule; saving it (revision-checked, like the goal's texts).

use leptos::prelude::*;

use super::fields::rule_fields;
use super::follow_up_parts::ColourDot;
use super::save_error;
use crate::api::{preview_goal_rule, save_goal_rule};
use crate::domain::PlanId;
use crate::i18n::{Msg, t};
use crate::model::{RuleEditor, RuleForm, RulePreview};

/// What an edited rule or method would change: the one edited first, then every other
/// verdict that changes, each with its explanation under the new rule. With `lead`, the
/// first row is the goal or indicator edited, listed whether it changes or not.
pub(super) fn preview_view(preview: RulePreview, lead: bool) -> AnyView {
    let none = match (preview.changes.len(), lead) {
        (0, false) => Some(Msg::PreviewNoChanges),
        (0 | 1, true) => Some(Msg::PreviewNoOtherChanges),
        _ => None,
    };
    view! {
        <div class="rule-preview" role="status">
            <h3>{t(Msg::PreviewHeading)}" ("{t(Msg::PreviewMonth)}" "{preview.month}")"</h3>
            <div class="table-scroll">
                <table class="table">
                    <thead>
                        <tr>
                            <th scope="col">{t(Msg::PreviewSubject)}</th>
                            <th scope="col">{t(Msg::VerdictBefore)}</th>
                            <th scope="col">{t(Msg::VerdictAfter)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {preview.changes.into_iter().map(|c| view! {
                            <tr data-code=c.code.clone() data-after=c.after.as_str()>
                                <th scope="row">{c.name}" "<span class="muted small">"("{c.plan}")"</span><p class="muted small">{c.explanation}</p></th>
                                <td><ColourDot colour=c.before /></td>
                                <td><ColourDot colour=c.after /></td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {none.map(|msg| view! { <p class="muted">{t(msg)}</p> })}
        </div>
    }
    .into_any()
}

pub(super) fn rule_section(
    plan_id: PlanId,
    code: String,
    revision: RwSignal<i32>,
    editor: RuleEditor,
    editable: bool,
) -> AnyView {
    let RuleEditor {
        form,
        inputs,
        inherited,
        current,
    } = editor;
    let form = RwSignal::new(form);
    let current = RwSignal::new(current);
    let preview_code = code.clone();
    let preview = Action::new(move |form: &RuleForm| preview_goal_rule(plan_id, preview_code.clone(), form.clone()));
    let save = Action::new(move |form: &RuleForm| {
        let (code, form) = (code.clone(), form.clone());
        async move {
            let saved = save_goal_rule(plan_id, code, revision.get_untracked(), form).await?;
            revision.set(saved.revision);
            current.set(saved.current);
            Ok::<_, crate::model::AppError>(())
        }
    });
    let saved = move || match save.value().get() {
        Some(Ok(())) => Some(view! { <p class="notice" role="status">{t(Msg::Saved)}</p> }.into_any()),
        Some(Err(err)) => Some(save_error(&err, Msg::GoalConflict)),
        None => None,
    };
    let previewed = move || match preview.value().get() {
        Some(Ok(result)) => Some(preview_view(result, true).into_any()),
        Some(Err(err)) => Some(save_error(&err, Msg::GoalConflict)),
        None => None,
    };
    view! {
        <section class="card goal-rule" aria-labelledby="rule-heading">
            <h2 id="rule-heading">{t(Msg::Rule)}</h2>
            <p class="muted">{t(Msg::RuleHelp)}</p>
            <dl class="facts">
                <dt>{t(Msg::RuleNow)}</dt>
                <dd data-testid="rule-now">{current}</dd>
                <dt>{t(Msg::RuleInherited)}</dt>
                <dd>{inherited}</dd>
            </dl>
            <form class="form form--wide" on:submit=move |ev| {
                ev.prevent_default();
                save.dispatch(form.get_untracked());
            }>
                {rule_fields(form, inputs, Msg::RuleOfLevel, !editable)}
                <div class="button-row">
                    <button type="button" disabled=move || preview.pending().get()
                        on:click=move |_| { preview.dispatch(form.get_untracked()); }>
                        {t(Msg::PreviewRule)}
                    </button>
                    <button type="submit" class="primary" disabled=move || !editable || save.pending().get()>
                        {t(Msg::SaveRule)}
                    </button>
                </div>
                {saved}
            </form>
            {previewed}
        </section>
    }
    .into_any()
}
