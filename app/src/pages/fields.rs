//! Form fields bound to a part of a form held in one signal: text fields and selects, and
//! the editors of an assessment method and a goal rule shared by the indicator, goal and
//! structure pages.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::{MarginUnit, MethodKind, QuotaUnit, RuleKind};
use crate::i18n::{Msg, t};
use crate::model::{Colour, MethodForm, RuleForm, RuleInput, WeightInput};

/// Reads a field of the form as text.
pub(super) trait Get<T>: Fn(&T) -> String + Copy + Send + Sync + 'static {}
impl<T, F: Fn(&T) -> String + Copy + Send + Sync + 'static> Get<T> for F {}

/// Writes a field of the form from text.
pub(super) trait Set<T>: Fn(&mut T, String) + Copy + Send + Sync + 'static {}
impl<T, F: Fn(&mut T, String) + Copy + Send + Sync + 'static> Set<T> for F {}

/// The field's reader and writer behind one pointer each: the view is compiled once per
/// form type, not once per field (the bundle's size).
type Getter<T> = Arc<dyn Fn(&T) -> String + Send + Sync>;
type Setter<T> = Arc<dyn Fn(&mut T, String) + Send + Sync>;

pub(super) fn text_field<T: Send + Sync + 'static>(
    label: Msg,
    form: RwSignal<T>,
    get: impl Get<T>,
    set: impl Set<T>,
    disabled: bool,
) -> AnyView {
    text_input(label, form, Arc::new(get), Arc::new(set), disabled)
}

fn text_input<T: Send + Sync + 'static>(
    label: Msg,
    form: RwSignal<T>,
    get: Getter<T>,
    set: Setter<T>,
    disabled: bool,
) -> AnyView {
    let read = get.clone();
    view! {
        <label class="field">
            <span>{t(label)}</span>
            <input type="text" disabled=disabled prop:value=move || form.with(|f| read(f)) on:input=move |ev| form.update(|f| set(f, event_target_value(&ev))) />
        </label>
    }
    .into_any()
}

/// A select's options for the variants of a domain enum, `(name, label)` in the given order.
pub(super) fn choices<E: Copy>(variants: &[E], name: fn(E) -> &'static str, label: fn(E) -> Msg) -> Vec<(String, Msg)> {
    variants.iter().map(|&v| (name(v).to_owned(), label(v))).collect()
}

pub(super) fn select_field<T: Send + Sync + 'static>(
    label: Msg,
    form: RwSignal<T>,
    get: impl Get<T>,
    set: impl Set<T>,
    options: Vec<(String, Msg)>,
    disabled: bool,
) -> AnyView {
    select_input(label, form, Arc::new(get), Arc::new(set), options, disabled)
}

fn select_input<T: Send + Sync + 'static>(
    label: Msg,
    form: RwSignal<T>,
    get: Getter<T>,
    set: Setter<T>,
    options: Vec<(String, Msg)>,
    disabled: bool,
) -> AnyView {
    let now = form.with_untracked(|f| get(f));
    view! {
        <label class="field">
            <span>{t(label)}</span>
            <select disabled=disabled prop:value=move || form.with(|f| get(f)) on:change=move |ev| form.update(|f| set(f, event_target_value(&ev)))>
                {options
                    .into_iter()
                    .map(|(value, text)| {
                        let selected = now == value;
                        view! { <option value=value selected=selected>{t(text)}</option> }
                    })
                    .collect_view()}
            </select>
        </label>
    }
    .into_any()
}

/// Where in a form its method or rule is.
pub(super) struct Lens<T, P> {
    pub get: fn(&T) -> &P,
    pub get_mut: fn(&mut T) -> &mut P,
}

impl<T, P> Clone for Lens<T, P> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T, P> Copy for Lens<T, P> {}

/// An assessment method and its margin; the margin is hidden where it means nothing (the
/// default, manual verdicts only). `default` names what `None` stands for.
pub(super) fn method_fields<T: Send + Sync + 'static>(
    form: RwSignal<T>,
    lens: Lens<T, MethodForm>,
    default: Msg,
    disabled: bool,
) -> AnyView {
    let Lens { get, get_mut } = lens;
    let mut methods = vec![(String::new(), default)];
    methods.extend(choices(&MethodKind::ALL, MethodKind::as_str, |m| {
        Msg::for_method(Some(m))
    }));
    let no_margin = move || form.with(|f| matches!(get(f).kind, None | Some(MethodKind::Manual)));
    view! {
        <div class="form-row">
            {select_field(Msg::Method, form, move |f| get(f).kind.map(|m| m.as_str().to_owned()).unwrap_or_default(),
                move |f, v| get_mut(f).kind = MethodKind::parse(&v), methods, disabled)}
            <div class="form-row" hidden=no_margin>
                {text_field(Msg::Margin, form, move |f| get(f).margin.clone(), move |f, v| get_mut(f).margin = v, disabled)}
                {select_field(Msg::MarginUnitLabel, form, move |f| get(f).margin_unit.as_str().to_owned(),
                    move |f, v| if let Some(unit) = MarginUnit::parse(&v) { get_mut(f).margin_unit = unit },
                    choices(&MarginUnit::ALL, MarginUnit::as_str, Msg::for_margin_unit), disabled)}
            </div>
        </div>
    }
    .into_any()
}

fn colour_name(colour: Option<Colour>) -> String {
    colour.map(|c| c.as_str().to_owned()).unwrap_or_default()
}

/// A goal rule: its kind, and the fields of that kind. `inputs` are the goal's indicators
/// and sub-goals, which a rule may require green or weigh; a level's rule has none.
/// `default` names what `None` stands for. A combined rule is offered only when stored.
pub(super) fn rule_fields(form: RwSignal<RuleForm>, inputs: Vec<RuleInput>, default: Msg, disabled: bool) -> AnyView {
    fn get(f: &RuleForm) -> &RuleForm {
        f
    }
    fn get_mut(f: &mut RuleForm) -> &mut RuleForm {
        f
    }
    let combined = form.with_untracked(|f| get(f).kind == Some(RuleKind::All));
    let mut kinds = vec![(String::new(), default)];
    kinds.extend(
        (RuleKind::ALL.iter())
            .filter(|&&k| combined || k != RuleKind::All)
            .map(|&k| (k.as_str().to_owned(), Msg::for_rule(k))),
    );
    let not_kind = move |kind: RuleKind| move || form.with(|f| get(f).kind != Some(kind));
    let rest = vec![
        (String::new(), Msg::NoRequirement),
        (Colour::Yellow.as_str().to_owned(), Msg::AtLeastYellow),
        (Colour::Red.as_str().to_owned(), Msg::AtLeastRed),
    ];
    let mandatory = inputs.clone();
    view! {
        {select_field(Msg::Rule, form, move |f| get(f).kind.map(|k| k.as_str().to_owned()).unwrap_or_default(),
            move |f, v| get_mut(f).kind = RuleKind::parse(&v), kinds, disabled)}
        <div class="rule-kind" hidden=not_kind(RuleKind::CountGreen)>
            <div class="form-row">
                {text_field(Msg::GreenQuota, form, move |f| get(f).green.clone(), move |f, v| get_mut(f).green = v, disabled)}
                {select_field(Msg::QuotaUnitLabel, form, move |f| get(f).green_unit.as_str().to_owned(),
                    move |f, v| if let Some(unit) = QuotaUnit::parse(&v) { get_mut(f).green_unit = unit },
                    choices(&QuotaUnit::ALL, QuotaUnit::as_str, Msg::for_quota_unit), disabled)}
                {select_field(Msg::RestAtLeast, form, move |f| colour_name(get(f).rest_at_least),
                    move |f, v| get_mut(f).rest_at_least = Colour::parse(&v), rest, disabled)}
            </div>
            {(!mandatory.is_empty()).then(|| view! {
                <fieldset class="checks">
                    <legend>{t(Msg::MustBeGreen)}</legend>
                    {mandatory.into_iter().map(|input| {
                        let key = input.key.clone();
                        let checked_key = key.clone();
                        view! {
                            <label class="check">
                                <input type="checkbox" disabled=disabled
                                    prop:checked=move || form.with(|f| get(f).mandatory.contains(&checked_key))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        form.update(|f| {
                                            let list = &mut get_mut(f).mandatory;
                                            list.retain(|k| *k != key);
                                            if on { list.push(key.clone()) }
                                        });
                                    } />
                                <span>{input.label}</span>
                            </label>
                        }
                    }).collect_view()}
                </fieldset>
            })}
        </div>
        <div class="rule-kind" hidden=not_kind(RuleKind::Weighted)>
            <div class="form-row">
                {text_field(Msg::GreenFrom, form, move |f| get(f).green_from.clone(), move |f, v| get_mut(f).green_from = v, disabled)}
                {text_field(Msg::YellowFrom, form, move |f| get(f).yellow_from.clone(), move |f, v| get_mut(f).yellow_from = v, disabled)}
            </div>
            {(!inputs.is_empty()).then(|| view! {
                <fieldset class="weights">
                    <legend>{t(Msg::Weights)}</legend>
                    <div class="form-row">
                        {inputs.into_iter().map(|input| {
                            let key = input.key.clone();
                            let read_key = key.clone();
                            let weight = move |f: &RuleForm| (get(f).weights.iter())
                                .find(|w| w.key == read_key)
                                .map(|w| w.weight.clone())
                                .unwrap_or_default();
                            view! {
                                <label class="field field--narrow">
                                    <span>{input.label}</span>
                                    <input type="text" inputmode="decimal" disabled=disabled
                                        prop:value=move || form.with(weight.clone())
                                        on:input=move |ev| {
                                            let value = event_target_value(&ev);
                                            form.update(|f| {
                                                let weights = &mut get_mut(f).weights;
                                                weights.retain(|w| w.key != key);
                                                weights.push(WeightInput { key: key.clone(), weight: value });
                                            });
                                        } />
                                </label>
                            }
                        }).collect_view()}
                    </div>
                </fieldset>
            })}
        </div>
    }
    .into_any()
}
