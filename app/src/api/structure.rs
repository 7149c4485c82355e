use leptos::prelude::*;
use server_fn::codec::Json;

use crate::model::{AppError, LevelForm, MethodForm, MethodSaved, RuleForm, RulePreview, StructureView};

/// The tenant's goal levels with their history (admins).
#[server]
pub async fn goal_structure() -> Result<StructureView, AppError> {
    let state = super::context::state()?;
    let ctx = super::context::tenant().await?;
    super::context::reply(crate::services::structure::load(&state.db, &ctx)).await
}

/// Saves the whole list of goal levels; returns the saved structure.
#[server(input = Json)]
pub async fn save_goal_structure(levels: Vec<LevelForm>) -> Result<StructureView, AppError> {
    let state = super::context::state()?;
    let ctx = super::context::tenant().await?;
    super::context::reply(crate::services::structure::save(&state.db, &ctx, &levels)).await
}

/// What the form's method for indicators would change in every plan's verdicts (admins).
#[server(input = Json)]
pub async fn preview_tenant_method(form: MethodForm) -> Result<RulePreview, AppError> {
    let state = super::context::state()?;
    let ctx = super::context::tenant().await?;
    let today = chrono::Utc::now().date_naive();
    super::context::reply(crate::services::tenant_method::preview_form(
        &state.db,
        &state.plan_inputs,
        &ctx,
        &form,
        today,
    ))
    .await
}

/// Saves the municipality's method for indicators if the tenant is still at `revision`.
#[server(input = Json)]
pub async fn save_tenant_method(revision: i32, form: MethodForm) -> Result<MethodSaved, AppError> {
    let state = super::context::state()?;
    let ctx = super::context::tenant().await?;
    super::context::reply(crate::services::tenant_method::save_form(
        &state.db, &ctx, revision, &form,
    ))
    .await
}

/// What the form's default rule for level `key` would change in every plan's verdicts
/// (admins).
#[server(input = Json)]
pub async fn preview_level_rule(key: String, form: RuleForm) -> Result<RulePreview, AppError> {
    let state = super::context::state()?;
    let ctx = super::context::tenant().await?;
    let today = chrono::Utc::now().date_naive();
    super::context::reply(crate::services::structure::preview_rule_form(
        &state.db,
        &state.plan_inputs,
        &ctx,
        &key,
        &form,
        today,
    ))
    .await
}
