//! The tenant's goal structure (admins): each level's name, plural, numbering, text
//! sections and what its goals carry; levels added below or removed. The whole list is
//! saved at once and checked against every plan first.

use leptos::prelude::*;
use leptos_meta::Title;

use super::indicator_edit::history_view;
use super::{error_view, save_error};
use crate::api::{goal_structure, save_goal_structure};
use crate::domain::{Carry, Numbering};
use crate::i18n::{Msg, t, text_now};
use crate::model::{LevelForm, StructureView};

const NUMBERINGS: [(Numbering, Msg); 3] = [
    (Numbering::Sequence, Msg::NumberingSequence),
    (Numbering::Nested, Msg::NumberingNested),
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
