use leptos::prelude::*;
use server_fn::codec::Json;

use crate::domain::{IndicatorId, PlanId};
use crate::model::{
    AppError, IndicatorEditView, IndicatorForm, MethodForm, PlanSheet, RulePreview, SheetOf, ValueEdit, ValueRow,
    ValueSheet,
};

/// An indicator's edit page (admins), by its code.
#[server]
pub async fn indicator_for_edit(code: String) -> Result<IndicatorEditView, AppError> {
    let state = super::context::state()?;
    let ctx = super::context::tenant().await?;
    super::context::reply(crate::services::indicator_edit::load(&state.db, &ctx, &code)).await
}

/// Saves an indicator if nobody else did since `revision`; returns the new revision.
#[server(input = Json)]
pub async fn save_indicator(id: IndicatorId, revision: i32, form: IndicatorForm) -> Result<i32, AppError> {
    let state = super::context::state()?;
    let ctx = super::context::tenant().await?;
    super::context::reply(crate::services::indicator_edit::save(
        &state.db, &ctx, id, revision, form,
    ))
    .await
}

/// What the form's method for indicator `code` would change in today's verdicts (admins).
#[server(input = Json)]
pub async fn preview_indicator_method(code: String, form: MethodForm) -> Result<RulePreview, AppError> {
    let state = super::context::state()?;
    let ctx = super::context::tenant().await?;
    let today = chrono::Utc::now().date_naive();
    super::context::reply(crate::services::indicator_method::preview_form(
        &state.db,
        &state.plan_inputs,
        &ctx,
        &code,
        &form,
        today,
    ))
    .await
}

/// Adds an indicator to a draft plan's goal; returns its code.
#[server(input = Json)]
pub async fn create_indicator(
    plan_id: PlanId,
    goal: String,
    code: String,
    form: IndicatorForm,
) -> Result<String, AppError> {
    let state = super::context::state()?;
    let ctx = super::context::tenant().await?;
    super::context::reply(crate::services::indicator_edit::create(
        &state.db, &ctx, plan_id, &goal, &code, form,
    ))
    .await
}

/// An indicator's outcomes and forecasts to enter (editors), by its code.
#[server]
pub async fn load_value_sheet(code: String) -> Result<ValueSheet, AppError> {
    let state = super::context::state()?;
    let ctx = super::context::tenant().await?;
    super::context::reply(crate::services::value_entry::load(&state.db, &ctx, &code)).await
}

/// Saves the changed cells of a sheet, all or none; returns the sheet as now stored.
#[server(input = Json)]
pub async fn save_values(code: String, edits: Vec<ValueEdit>) -> Result<ValueSheet, AppError> {
    let state = super::context::state()?;
    let ctx = super::context::tenant().await?;
    super::context::reply(crate::services::value_entry::save(&state.db, &ctx, &code, edits)).await
}

/// The sheet of a goal's (and its sub-goals') or a department's indicators in a plan, for
/// a year (editors).
#[server(input = Json)]
pub async fn load_plan_sheet(plan_id: PlanId, of: SheetOf, year: Option<i32>) -> Result<PlanSheet, AppError> {
    use chrono::Datelike;
    let state = super::context::state()?;
    let ctx = super::context::tenant().await?;
    let this_year = chrono::Utc::now().year();
    super::context::reply(crate::services::plan_sheet::load(
        &state.db, &ctx, plan_id, &of, year, this_year,
    ))
    .await
}

/// Saves one cell if nobody changed it since the sheet showed it; returns its row as stored.
#[server(input = Json)]
pub async fn save_value_cell(code: String, edit: ValueEdit) -> Result<ValueRow, AppError> {
    let state = super::context::state()?;
    let ctx = super::context::tenant().await?;
    super::context::reply(crate::services::value_entry::save_cell(&state.db, &ctx, &code, edit)).await
}
