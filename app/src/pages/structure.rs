//! The tenant's goal structure (admins): each level's name, plural, numbering, text
//! sections and what its goals carry; levels added below or removed. The whole list is
//! saved at once and checked against every plan first.

use leptos::prelude::*;
use leptos_meta::Title;

use super::fields::{Lens, method_fields, rule_fields};
use super::goal_rule::preview_view;
use super::indicator_edit::history_view;
use super::{error_view, save_error};
use crate::api::{goal_structure, preview_level_rule, preview_tenant_method, save_goal_structure, save_tenant_method};
use crate::domain::{Carry, Numbering};
use crate::i18n::{Msg, t, text_now};
use crate::model::{AppError, LevelForm, MethodForm, RuleForm, StructureView};

const NUMBERINGS: [(Numbering, Msg); 5] = [
    (Numbering::Sequence, Msg::NumberingSequence),
    (Numbering::Nested, Msg::NumberingNested),
    (Numbering::Letters, Msg::NumberingLetters),
    (Numbering::NumberLetter, Msg::NumberingNumberLetter),
    (Numbering::None, Msg::NumberingNone),
];
const CARRIES: [(Carry, Msg); 4] = [
    (Carry::Indicators, Msg::Indicators),
    (Carry::Assignments, Msg::AssignmentsAndInitiatives),
    (Carry::Activities, Msg::Activities),
    (Carry::FocusAreas, Msg::FocusAreas),
];

/// `/admin/malstruktur`
#[component]
pub fn StructurePage() -> impl IntoView {
    let data = Resource::new(|| (), |()| goal_structure());
    view! {
        <Title text=text_now(Msg::GoalStructure) />
        <h1>{t(Msg::GoalStructure)}</h1>
        <Suspense fallback=|| view! { <p>{t(Msg::Loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(structure) => editor(structure),
                    Err(err) => error_view(err),
                }
            })}
        </Suspense>
    }
}

fn editor(structure: StructureView) -> AnyView {
    let method = method_card(structure.method, structure.method_text, structure.tenant_revision);
    let levels = RwSignal::new(structure.levels);
    let history = RwSignal::new(structure.history);
    let count = Memo::new(move |_| levels.read().len());
    let save = Action::new(move |levels: &Vec<LevelForm>| {
        let levels = levels.clone();
        async move { save_goal_structure(levels).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(saved)) = save.value().get() {
            levels.set(saved.levels);
            history.set(saved.history);
        }
    });
    let add = move |_| levels.update(|l| l.push(LevelForm::default()));
    view! {
        {method}
        <p class="muted">{t(Msg::StructureIntro)}</p>
        <form class="form form--wide" on:submit=move |ev| {
            ev.prevent_default();
            save.dispatch(levels.get_untracked());
        }>
            // Re-rendered when a level is added or removed, not on every keystroke.
            {move || (0..count.get()).map(|i| level_card(levels, i)).collect_view()}
            <p><button type="button" on:click=add>{t(Msg::AddLevel)}</button></p>
            {move || match save.value().get() {
                Some(Ok(_)) => Some(view! { <p class="notice" role="status">{t(Msg::Saved)}</p> }.into_any()),
                Some(Err(err)) => Some(save_error(&err, Msg::StructureConflict)),
                None => None,
            }}
            <button type="submit" class="primary" disabled=move || save.pending().get()>{t(Msg::SaveStructure)}</button>
        </form>
        {move || history_view(history.get())}
    }
    .into_any()
}

fn level_card(levels: RwSignal<Vec<LevelForm>>, i: usize) -> impl IntoView {
    let get = move |f: fn(&LevelForm) -> String| move || levels.with(|l| l.get(i).map(f).unwrap_or_default());
    let set = move |f: fn(&mut LevelForm, String)| {
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            levels.update(|l| {
                if let Some(level) = l.get_mut(i) {
                    f(level, value)
                }
            })
        }
    };
    let heading = format!("{} {}", text_now(Msg::Level), i + 1);
    // Named, not written in the attribute: `view!` would read `>=` as the tag's end.
    let is_last = move || i + 1 >= levels.read().len();
    view! {
        <fieldset class="card level">
            <legend>{heading}</legend>
            <div class="form-row">
                <label class="field">
                    <span>{t(Msg::LevelName)}</span>
                    <input type="text" required prop:value=get(|l| l.name.clone()) on:input=set(|l, v| l.name = v) />
                </label>
                <label class="field">
                    <span>{t(Msg::LevelPlural)}</span>
                    <input type="text" required prop:value=get(|l| l.plural.clone()) on:input=set(|l, v| l.plural = v) />
                </label>
                <label class="field field--narrow">
                    <span>{t(Msg::Numbering)}</span>
                    <select on:change=set(|l, v| if let Some(numbering) = Numbering::parse(&v) { l.numbering = numbering })>
                        {NUMBERINGS.iter().map(|&(value, label)| {
                            let selected = move || levels.with(|l| l.get(i).is_some_and(|l| l.numbering == value));
                            let initially = levels.with_untracked(|l| l.get(i).is_some_and(|l| l.numbering == value));
                            view! { <option value=value.as_str() selected=initially prop:selected=selected>{t(label)}</option> }
                        }).collect_view()}
                    </select>
                </label>
            </div>
            <label class="field">
                <span>{t(Msg::LevelSections)}</span>
                <textarea rows="3" prop:value=get(|l| l.sections.join("\n"))
                    on:input=set(|l, v| l.sections = v.lines().map(str::to_owned).collect())></textarea>
            </label>
            <div class="checks" role="group" aria-label=t(Msg::LevelCarries)>
                <span>{t(Msg::LevelCarries)}</span>
                {CARRIES.iter().map(|&(value, label)| {
                    let checked = move || levels.with(|l| l.get(i).is_some_and(|l| l.carries.contains(&value)));
                    view! {
                        <label class="check">
                            <input type="checkbox" prop:checked=checked on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                levels.update(|l| if let Some(level) = l.get_mut(i) {
                                    level.carries.retain(|&c| c != value);
                                    if on { level.carries.push(value); }
                                });
                            } />
                            " "{t(label)}
                        </label>
                    }
                }).collect_view()}
            </div>
            <label class="check">
                <input type="checkbox"
                    prop:checked=move || levels.with(|l| l.get(i).is_some_and(|l| l.assignment_inputs))
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        levels.update(|l| if let Some(level) = l.get_mut(i) { level.assignment_inputs = on; });
                    } />
                " "{t(Msg::AssignmentInputs)}
            </label>
            <label class="check">
                <input type="checkbox"
                    prop:checked=move || levels.with(|l| l.get(i).is_some_and(|l| l.grouping))
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        levels.update(|l| if let Some(level) = l.get_mut(i) { level.grouping = on; });
                    } />
                " "{t(Msg::Grouping)}
            </label>
            {level_rule(levels, i)}
            <div class="actions">
                <button type="button" disabled=move || i == 0 on:click=move |_| levels.update(|l| l.swap(i - 1, i))>
                    {t(Msg::MoveUp)}
                </button>
                " "
                <button type="button" disabled=is_last
                    on:click=move |_| levels.update(|l| if i + 1 < l.len() { l.swap(i, i + 1) })>
                    {t(Msg::MoveDown)}
                </button>
                " "
                <button type="button" class="danger" on:click=move |_| levels.update(|l| { l.remove(i); })>
                    {t(Msg::RemoveLevel)}
                </button>
            </div>
        </fieldset>
    }
}

/// A level's default rule, in words as stored and in its fields. The fields have their own
/// signal, kept equal to the level's both ways (a level moved up or down brings its rule).
fn level_rule(levels: RwSignal<Vec<LevelForm>>, i: usize) -> AnyView {
    let of_level = move || levels.with(|l| l.get(i).map(|l| l.rule.clone()));
    let rule = RwSignal::new(levels.with_untracked(|l| l.get(i).map(|l| l.rule.clone()).unwrap_or_default()));
    Effect::new(move |_| {
        if let Some(stored) = of_level()
            && rule.with_untracked(|r| *r != stored)
        {
            rule.set(stored);
        }
    });
    Effect::new(move |_| {
        let edited = rule.get();
        if levels.with_untracked(|l| l.get(i).is_some_and(|l| l.rule != edited)) {
            levels.update(|l| {
                if let Some(level) = l.get_mut(i) {
                    level.rule = edited;
                }
            });
        }
    });
    let text = move || levels.with(|l| l.get(i).map(|l| l.rule_text.clone()).unwrap_or_default());
    // A level not yet saved has no key and no goals: nothing to preview.
    let key = move || levels.with(|l| l.get(i).map(|l| l.key.clone()).unwrap_or_default());
    let preview = Action::new(move |(key, form): &(String, RuleForm)| preview_level_rule(key.clone(), form.clone()));
    view! {
        <div class="level-rule">
            <p class="muted"><strong>{t(Msg::RuleNow)}": "</strong>{text}</p>
            {rule_fields(rule, Vec::new(), Msg::RuleBuiltIn, false)}
            <p hidden=move || key().is_empty()>
                <button type="button" disabled=move || preview.pending().get()
                    on:click=move |_| { preview.dispatch((key(), rule.get_untracked())); }>
                    {t(Msg::PreviewRule)}
                </button>
            </p>
            {move || match preview.value().get() {
                Some(Ok(result)) => Some(preview_view(result, false).into_any()),
                Some(Err(err)) => Some(save_error(&err, Msg::StructureConflict)),
                None => None,
            }}
        </div>
    }
    .into_any()
}

/// The municipality's method for indicators without their own: in words, its fields, a
/// preview of the verdicts it would change, saved on its own.
fn method_card(form: MethodForm, text: String, revision: i32) -> AnyView {
    let form = RwSignal::new(form);
    let text = RwSignal::new(text);
    let revision = RwSignal::new(revision);
    let preview = Action::new(move |form: &MethodForm| preview_tenant_method(form.clone()));
    let save = Action::new(move |form: &MethodForm| {
        let form = form.clone();
        async move {
            let saved = save_tenant_method(revision.get_untracked(), form).await?;
            revision.set(saved.revision);
            text.set(saved.text);
            Ok::<_, AppError>(())
        }
    });
    let lens = Lens {
        get: |f: &MethodForm| f,
        get_mut: |f: &mut MethodForm| f,
    };
    view! {
        <section class="card" aria-labelledby="method-heading">
            <h2 id="method-heading">{t(Msg::TenantMethod)}</h2>
            <p class="muted">{t(Msg::TenantMethodHelp)}</p>
            <p><strong>{t(Msg::RuleNow)}": "</strong><span data-testid="method-now">{text}</span></p>
            <form class="form form--wide" on:submit=move |ev| {
                ev.prevent_default();
                save.dispatch(form.get_untracked());
            }>
                {method_fields(form, lens, Msg::MethodBuiltIn, false)}
                <div class="button-row">
                    <button type="button" disabled=move || preview.pending().get()
                        on:click=move |_| { preview.dispatch(form.get_untracked()); }>
                        {t(Msg::PreviewRule)}
                    </button>
                    <button type="submit" class="primary" disabled=move || save.pending().get()>{t(Msg::Save)}</button>
                </div>
                {move || match save.value().get() {
                    Some(Ok(())) => Some(view! { <p class="notice" role="status">{t(Msg::Saved)}</p> }.into_any()),
                    Some(Err(err)) => Some(save_error(&err, Msg::StructureConflict)),
                    None => None,
                }}
            </form>
            {move || match preview.value().get() {
                Some(Ok(result)) => Some(preview_view(result, false).into_any()),
                Some(Err(err)) => Some(save_error(&err, Msg::StructureConflict)),
                None => None,
            }}
        </section>
    }
    .into_any()
}
