//! Editing an indicator (admins): every field and the targets per year. Saving sends the
//! revision the form was loaded at; if someone else saved in between, the save is refused
//! with a message and the form keeps what was typed.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::fields::{Lens, choices, method_fields, select_field, text_field};
use super::goal_rule::preview_view;
use super::{error_view, save_error};
use crate::api::{indicator_for_edit, preview_indicator_method, save_indicator};
use crate::domain::{Better, IndicatorKind};
use crate::i18n::{Msg, t};
use crate::model::{HistoryEntry, IndicatorEditView, IndicatorForm, MethodForm};

#[component]
pub fn IndicatorEditPage() -> impl IntoView {
    let params = use_params_map();
    let code = move || params.read().get("code").unwrap_or_default();
    let data = Resource::new(code, indicator_for_edit);
    view! {
        <Suspense fallback=|| view! { <p>{t(Msg::Loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(view_data) => editor(view_data).into_any(),
                    Err(err) => error_view(err),
                }
            })}
        </Suspense>
    }
}

/// The periodicities as options: `engine::Periodicity` is not in the browser, so by name.
pub(super) fn periodicity_choices() -> Vec<(String, Msg)> {
    [
        ("year", Msg::PerYear),
        ("half_year", Msg::PerHalfYear),
        ("tertial", Msg::PerTertial),
        ("month", Msg::PerMonth),
    ]
    .into_iter()
    .map(|(name, label)| (name.to_owned(), label))
    .collect()
}

/// Sets the indicator's kind from an option's value.
pub(super) fn set_kind(form: &mut IndicatorForm, name: String) {
    if let Some(kind) = IndicatorKind::parse(&name) {
        form.kind = kind;
    }
}

/// Sets the indicator's direction from an option's value.
pub(super) fn set_direction(form: &mut IndicatorForm, name: String) {
    if let Some(direction) = Better::parse(&name) {
        form.direction = direction;
    }
}

fn editor(data: IndicatorEditView) -> impl IntoView {
    let IndicatorEditView {
        id,
        code,
        revision,
        plan_id,
        plan_name,
        editable,
        goal,
        departments,
        form,
        history,
    } = data;
    let disabled = !editable;
    let form = RwSignal::new(form);
    let revision = RwSignal::new(revision);
    let save = Action::new(move |form: &IndicatorForm| {
        let form = form.clone();
        async move { save_indicator(id, revision.get_untracked(), form).await }
    });
    let preview = {
        let code = code.clone();
        Action::new(move |method: &MethodForm| preview_indicator_method(code.clone(), method.clone()))
    };
    Effect::new(move |_| {
        if let Some(Ok(new_revision)) = save.value().get() {
            revision.set(new_revision);
        }
    });
    let message = move || match save.value().get() {
        Some(Ok(_)) => Some(view! { <p class="notice" role="status">{t(Msg::Saved)}</p> }.into_any()),
        Some(Err(err)) => Some(save_error(&err, Msg::SaveConflict)),
        None => None,
    };
    view! {
        <Title text=code.clone() />
        <p class="breadcrumb"><a href=format!("/planer/{plan_id}")>{plan_name}</a>" › "{goal}</p>
        <h1>{t(Msg::EditIndicator)}</h1>
        <p class="muted">{t(Msg::Code)}": "<code>{code}</code></p>
        {disabled.then(|| view! { <p class="notice">{t(Msg::Frozen)}</p> })}
        <form class="form form--wide" on:submit=move |ev| {
            ev.prevent_default();
            save.dispatch(form.get_untracked());
        }>
            {text_field(Msg::Name, form, |f| f.name.clone(), |f, v| f.name = v, disabled)}
            <label class="field">
                <span>{t(Msg::Definition)}</span>
                <textarea rows="3" disabled=disabled prop:value=move || form.with(|f| f.definition.clone())
                    on:input=move |ev| form.update(|f| f.definition = event_target_value(&ev))></textarea>
            </label>
            <div class="form-row">
                {select_field(Msg::Kind, form, |f| f.kind.as_str().to_owned(), set_kind,
                    choices(&IndicatorKind::ALL, IndicatorKind::as_str, Msg::for_indicator_kind), disabled)}
                {text_field(Msg::Unit, form, |f| f.unit.clone(), |f, v| f.unit = v, disabled)}
                {text_field(Msg::Decimals, form, |f| f.decimals.to_string(), |f, v| f.decimals = v.trim().parse().unwrap_or(u32::MAX), disabled)}
            </div>
            <div class="form-row">
                {select_field(Msg::Direction, form, |f| f.direction.as_str().to_owned(), set_direction,
                    choices(&Better::ALL, Better::as_str, Msg::for_direction), disabled)}
                {select_field(Msg::Periodicity, form, |f| f.periodicity.clone(), |f, v| f.periodicity = v,
                    periodicity_choices(), disabled)}
                <label class="field field--check">
                    <input type="checkbox" disabled=disabled prop:checked=move || form.with(|f| f.cumulative)
                        on:change=move |ev| form.update(|f| f.cumulative = event_target_checked(&ev)) />
                    <span>{t(Msg::Cumulative)}</span>
                </label>
            </div>
            <label class="field">
                <span>{t(Msg::ResponsibleDepartment)}</span>
                <select disabled=disabled on:change=move |ev| form.update(|f| f.department = event_target_value(&ev))>
                    <option value="" selected=form.with_untracked(|f| f.department.is_empty())>{t(Msg::NoDepartment)}</option>
                    {departments
                        .into_iter()
                        .map(|d| {
                            let selected = form.with_untracked(|f| f.department == d);
                            view! { <option value=d.clone() selected=selected>{d.clone()}</option> }
                        })
                        .collect_view()}
                </select>
            </label>
            <div class="form-row">
                {text_field(Msg::Source, form, |f| f.source.clone(), |f, v| f.source = v, disabled)}
                {text_field(Msg::Baseline, form, |f| f.baseline_value.clone(), |f, v| f.baseline_value = v, disabled)}
                {text_field(Msg::BaselineLabel, form, |f| f.baseline_label.clone(), |f, v| f.baseline_label = v, disabled)}
            </div>
            <label class="field">
                <span>{t(Msg::Footnotes)}</span>
                <textarea rows="2" disabled=disabled prop:value=move || form.with(|f| f.footnotes.clone())
                    on:input=move |ev| form.update(|f| f.footnotes = event_target_value(&ev))></textarea>
            </label>
            <fieldset class="method">
                <legend>{t(Msg::Method)}</legend>
                <p class="muted">{t(Msg::MethodHelp)}</p>
                {method_fields(form, Lens { get: |f: &IndicatorForm| &f.method, get_mut: |f| &mut f.method }, Msg::MethodDefault, disabled)}
                <p>
                    <button type="button" disabled=move || disabled || preview.pending().get()
                        on:click=move |_| { preview.dispatch(form.with_untracked(|f| f.method.clone())); }>
                        {t(Msg::PreviewRule)}
                    </button>
                </p>
                {move || match preview.value().get() {
                    Some(Ok(result)) => Some(preview_view(result, true).into_any()),
                    Some(Err(err)) => Some(save_error(&err, Msg::SaveConflict)),
                    None => None,
                }}
            </fieldset>
            <fieldset class="targets">
                <legend>{t(Msg::Targets)}</legend>
                <p class="muted">{t(Msg::TargetHelp)}</p>
                {targets_table(form, disabled)}
            </fieldset>
            {message}
            <button type="submit" class="primary" disabled=move || disabled || save.pending().get()>
                {move || if save.pending().get() { t(Msg::Saving)() } else { t(Msg::Save)() }}
            </button>
        </form>
        <p><a href=format!("/planer/{plan_id}")>{t(Msg::BackToPlan)}</a></p>
        {history_view(history)}
    }
}

fn targets_table(form: RwSignal<IndicatorForm>, disabled: bool) -> impl IntoView {
    let years: Vec<(usize, i32)> =
        form.with_untracked(|f| f.targets.iter().enumerate().map(|(i, t)| (i, t.year)).collect());
    view! {
        <table class="targets-table">
            <thead>
                <tr>
                    <th scope="col">{t(Msg::Year)}</th>
                    <th scope="col">{t(Msg::Target)}</th>
                    <th scope="col">{t(Msg::PlanWording)}</th>
                    <th scope="col">{t(Msg::FreeText)}</th>
                </tr>
            </thead>
            <tbody>
                {years
                    .into_iter()
                    .map(|(i, year)| {
                        let label = format!("{} {year}", Msg::Target.text(crate::i18n::Locale::Sv));
                        view! {
                            <tr>
                                <th scope="row">{year}</th>
                                <td><input type="text" aria-label=label disabled=disabled
                                    prop:value=move || form.with(|f| f.targets[i].text.clone())
                                    on:input=move |ev| form.update(|f| f.targets[i].text = event_target_value(&ev)) /></td>
                                <td><input type="text" aria-label=format!("{} {year}", Msg::PlanWording.text(crate::i18n::Locale::Sv)) disabled=disabled
                                    prop:value=move || form.with(|f| f.targets[i].label.clone())
                                    on:input=move |ev| form.update(|f| f.targets[i].label = event_target_value(&ev)) /></td>
                                <td><input type="checkbox" aria-label=format!("{} {year}", Msg::FreeText.text(crate::i18n::Locale::Sv)) disabled=disabled
                                    prop:checked=move || form.with(|f| f.targets[i].statement)
                                    on:change=move |ev| form.update(|f| f.targets[i].statement = event_target_checked(&ev)) /></td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

pub(super) fn history_view(history: Vec<HistoryEntry>) -> impl IntoView {
    let empty = history.is_empty();
    view! {
        <section class="history" aria-labelledby="history-heading">
            <h2 id="history-heading">{t(Msg::History)}</h2>
            {empty.then(|| view! { <p class="muted">{t(Msg::NoHistory)}</p> })}
            <ol class="history__list">
                {history
                    .into_iter()
                    .map(|entry| view! {
                        <li>
                            <p class="history__who">{entry.at}" · "{entry.actor}</p>
                            <ul>
                                {entry.changes.into_iter().map(|c| view! {
                                    <li><strong>{c.field}</strong>": "<del>{c.old}</del>" → "<ins>{c.new}</ins></li>
                                }).collect_view()}
                            </ul>
                        </li>
                    })
                    .collect_view()}
            </ol>
        </section>
    }
}
