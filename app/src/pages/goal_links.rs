//! A council's goal's contributions to the municipality's goals on its editor page: which
//! goals of the municipality's plan it contributes to, directly or indirectly, several if
//! need be; saved as a list (revision-checked, like the goal's texts).

use leptos::prelude::*;

use super::save_error;
use crate::api::save_goal_links;
use crate::domain::{Contribution, PlanId};
use crate::i18n::{Msg, t};
use crate::model::{LinkForm, LinksEditor};

pub(super) fn links_section(
    plan_id: PlanId,
    code: String,
    revision: RwSignal<i32>,
    editor: LinksEditor,
    editable: bool,
) -> AnyView {
    let LinksEditor {
        links,
        municipal_plan,
        options,
    } = editor;
    let links = RwSignal::new(links);
    let count = Memo::new(move |_| links.read().len());
    let save = Action::new(move |links: &Vec<LinkForm>| {
        let (code, links) = (code.clone(), links.clone());
        async move {
            let saved = save_goal_links(plan_id, code, revision.get_untracked(), links).await?;
            revision.set(saved);
            Ok::<_, crate::model::AppError>(())
        }
    });
    let first = options.first().and_then(|o| o.code.clone());
    let add = move |_| {
        if let Some(goal) = first.clone() {
            links.update(|l| {
                l.push(LinkForm {
                    goal,
                    kind: Contribution::Direct,
                })
            });
        }
    };
    let disabled = !editable || options.is_empty();
    let row = move |i: usize| {
        let options = options.clone();
        let goal_now = move || links.with(|l| l.get(i).map(|l| l.goal.clone()).unwrap_or_default());
        let kind_now = move || links.with(|l| l.get(i).map(|l| l.kind.as_str().to_owned()).unwrap_or_default());
        view! {
            <li class="form-row link-row">
                <label class="field">
                    <span>{t(Msg::Goal)}" "{i + 1}</span>
                    <select disabled=!editable prop:value=goal_now
                        on:change=move |ev| { let v = event_target_value(&ev); links.update(|l| if let Some(x) = l.get_mut(i) { x.goal = v }) }>
                        {options.into_iter().map(|o| {
                            let value = o.code.unwrap_or_default();
                            let selected = links.with_untracked(|l| l.get(i).is_some_and(|x| x.goal == value));
                            view! { <option value=value selected=selected>{o.label}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <label class="field field--narrow">
                    <span>{t(Msg::ContributionKind)}</span>
                    <select disabled=!editable prop:value=kind_now
                        on:change=move |ev| {
                            if let Some(kind) = Contribution::parse(&event_target_value(&ev)) {
                                links.update(|l| if let Some(x) = l.get_mut(i) { x.kind = kind });
                            }
                        }>
                        {Contribution::ALL.into_iter().map(|k| {
                            let selected = links.with_untracked(|l| l.get(i).is_some_and(|x| x.kind == k));
                            view! { <option value=k.as_str() selected=selected>{t(Msg::for_contribution(k))}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <button type="button" class="danger" disabled=!editable
                    on:click=move |_| links.update(|l| { if i < l.len() { l.remove(i); } })>
                    {t(Msg::RemoveContribution)}
                </button>
            </li>
        }
    };
    view! {
        <section class="card goal-links" aria-labelledby="links-heading">
            <h2 id="links-heading">{t(Msg::ContributesTo)}</h2>
            <p class="muted">{t(Msg::ContributesToHelp)}</p>
            {match municipal_plan {
                Some(name) => view! { <p><strong>{name}</strong></p> }.into_any(),
                None => view! { <p class="muted">{t(Msg::NoMunicipalPlan)}</p> }.into_any(),
            }}
            <form class="form form--wide" on:submit=move |ev| {
                ev.prevent_default();
                save.dispatch(links.get_untracked());
            }>
                <ul class="plain">{move || (0..count.get()).map(row.clone()).collect_view()}</ul>
                <div class="button-row">
                    <button type="button" disabled=disabled on:click=add>{t(Msg::AddContribution)}</button>
                    <button type="submit" class="primary" disabled=move || disabled || save.pending().get()>
                        {t(Msg::SaveContributions)}
                    </button>
                </div>
                {move || match save.value().get() {
                    Some(Ok(())) => Some(view! { <p class="notice" role="status">{t(Msg::Saved)}</p> }.into_any()),
                    Some(Err(err)) => Some(save_error(&err, Msg::GoalConflict)),
                    None => None,
                }}
            </form>
        </section>
    }
    .into_any()
}
