//! A new indicator on a draft plan's goal (admins): its code and the fields that say what
//! it measures. Targets, department, source and the rest follow in the indicator editor,
//! which opens once it is created.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

use super::fields::{choices, select_field, text_field};
use super::indicator_edit::{periodicity_choices, set_direction, set_kind};
use super::save_error;
use crate::api::create_indicator;
use crate::domain::{Better, IndicatorKind, PlanId};
use crate::i18n::{Msg, t, text_now};
use crate::model::IndicatorForm;

/// `/planer/:id/ny-indikator?mal=CODE`
#[component]
pub fn NewIndicatorPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let plan_id = params
        .read_untracked()
        .get("id")
        .and_then(|id| id.parse::<PlanId>().ok());
    let goal = query.read_untracked().get("mal").unwrap_or_default();
    let code = RwSignal::new(String::new());
    let form = RwSignal::new(IndicatorForm::default());
    let navigate = use_navigate();
    let goal_for_create = goal.clone();
    let create = Action::new(move |(code, form): &(String, IndicatorForm)| {
        let (code, form, goal) = (code.clone(), form.clone(), goal_for_create.clone());
        async move {
            match plan_id {
                Some(plan_id) => create_indicator(plan_id, goal, code, form).await,
                None => Err(crate::model::AppError::NotFound),
            }
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(code)) = create.value().get() {
            navigate(&format!("/indikatorer/{code}"), Default::default());
        }
    });
    let back = plan_id.map(|id| format!("/planer/{id}")).unwrap_or_else(|| "/".into());
    view! {
        <Title text=text_now(Msg::NewIndicator) />
        <p class="breadcrumb"><a href=back>{t(Msg::BackToPlan)}</a></p>
        <h1>{t(Msg::NewIndicator)}</h1>
        <p class="muted">{t(Msg::Goal)}": "<strong>{goal}</strong></p>
        <form class="form form--wide" on:submit=move |ev| {
            ev.prevent_default();
            create.dispatch((code.get_untracked(), form.get_untracked()));
        }>
            <label class="field">
                <span>{t(Msg::Code)}</span>
                <input type="text" required pattern="[a-z0-9_\\-]+" prop:value=move || code.get()
                    on:input=move |ev| code.set(event_target_value(&ev)) />
                <small class="muted">{t(Msg::IndicatorCodeHelp)}</small>
            </label>
            {text_field(Msg::Name, form, |f| f.name.clone(), |f, v| f.name = v, false)}
            <div class="form-row">
                {select_field(Msg::Kind, form, |f| f.kind.as_str().to_owned(), set_kind,
                    choices(&[IndicatorKind::Namnd, IndicatorKind::Kf, IndicatorKind::Kontoret], IndicatorKind::as_str, Msg::for_indicator_kind), false)}
                {text_field(Msg::Unit, form, |f| f.unit.clone(), |f, v| f.unit = v, false)}
            </div>
            <div class="form-row">
                {select_field(Msg::Direction, form, |f| f.direction.as_str().to_owned(), set_direction,
                    choices(&Better::ALL, Better::as_str, Msg::for_direction), false)}
                {select_field(Msg::Periodicity, form, |f| f.periodicity.clone(), |f, v| f.periodicity = v,
                    periodicity_choices(), false)}
            </div>
            {move || create.value().get().and_then(|r| r.err()).map(|err| save_error(&err, Msg::SaveConflict))}
            <button type="submit" class="primary" disabled=move || create.pending().get()>{t(Msg::CreateIndicator)}</button>
        </form>
    }
}
