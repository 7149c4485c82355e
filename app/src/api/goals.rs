use leptos::prelude::*;
use server_fn::codec::Json;

use crate::domain::PlanId;
use crate::model::{AppError, GoalEditView, GoalForm, GoalPlace, LinkForm, RuleForm, RulePreview, RuleSaved};

/// The editor for a goal of a plan (admins), by its code.
#[server]
pub async fn goal_for_edit(plan_id: PlanId, code: String) -> Result<GoalEditView, AppError> {
    let state = super::context::state()?;
    let ctx = super::context::tenant().await?;
    super::context::reply(crate::services::goal_edit::load(
        &state.db,
        &state.plan_inputs,
        &ctx,
        plan_id,
        &code,
    ))
    .await
}

/// The editor for a new goal under `parent` (or at the top of the plan), on `level` (a key;
/// by default the level below the parent's).
#[server]
pub async fn new_goal(
    plan_id: PlanId,
    parent: Option<String>,
    level: Option<String>,
) -> Result<GoalEditView, AppError> {
    let state = super::context::state()?;
    let ctx = super::context::tenant().await?;
    super::context::reply(crate::services::goal_edit::blank(
        &state.db,
        &ctx,
        plan_id,
        parent.as_deref(),
        level.as_deref(),
    ))
    .await
}

/// Creates a goal; returns its code.
#[server(input = Json)]
pub async fn create_goal(plan_id: PlanId, parent: Option<String>, form: GoalForm) -> Result<String, AppError> {
    let state = super::context::state()?;
    let ctx = super::context::tenant().await?;
    super::context::reply(crate::services::goal_edit::create(
        &state.db,
        &ctx,
        plan_id,
        parent.as_deref(),
        form,
    ))
    .await
}

/// Saves a goal's texts if nobody else did since `revision`; returns the new revision.
#[server(input = Json)]
pub async fn save_goal(plan_id: PlanId, code: String, revision: i32, form: GoalForm) -> Result<i32, AppError> {
    let state = super::context::state()?;
    let ctx = super::context::tenant().await?;
    super::context::reply(crate::services::goal_edit::update(
        &state.db, &ctx, plan_id, &code, revision, form,
    ))
    .await
}

/// Moves a goal under `parent` at `position` among its siblings; returns where it is now.
#[server(input = Json)]
pub async fn move_goal(
    plan_id: PlanId,
    code: String,
    revision: i32,
    parent: Option<String>,
    position: usize,
) -> Result<GoalPlace, AppError> {
    let state = super::context::state()?;
    let ctx = super::context::tenant().await?;
    super::context::reply(crate::services::goal_edit::move_to(
        &state.db,
        &ctx,
        plan_id,
        &code,
        revision,
        parent.as_deref(),
        position,
    ))
    .await
}

/// Deletes a goal nothing hangs on.
#[server(input = Json)]
pub async fn delete_goal(plan_id: PlanId, code: String, revision: i32) -> Result<(), AppError> {
    let state = super::context::state()?;
    let ctx = super::context::tenant().await?;
    super::context::reply(crate::services::goal_edit::delete(
        &state.db, &ctx, plan_id, &code, revision,
    ))
    .await
}

/// Today's verdicts if the goal had the form's rule, before saving (admins).
#[server(input = Json)]
pub async fn preview_goal_rule(plan_id: PlanId, code: String, form: RuleForm) -> Result<RulePreview, AppError> {
    let state = super::context::state()?;
    let ctx = super::context::tenant().await?;
    let today = chrono::Utc::now().date_naive();
    super::context::reply(crate::services::goal_edit::rule::preview_form(
        &state.db,
        &state.plan_inputs,
        &ctx,
        plan_id,
        &code,
        &form,
        today,
    ))
    .await
}

/// Saves a goal's rule if nobody changed the goal since `revision`; returns the new revision
/// and the rule in force, in words.
#[server(input = Json)]
pub async fn save_goal_rule(
    plan_id: PlanId,
    code: String,
    revision: i32,
    form: RuleForm,
) -> Result<RuleSaved, AppError> {
    let state = super::context::state()?;
    let ctx = super::context::tenant().await?;
    super::context::reply(crate::services::goal_edit::rule::save_form(
        &state.db,
        &state.plan_inputs,
        &ctx,
        plan_id,
        &code,
        revision,
        &form,
    ))
    .await
}

/// Replaces a goal's contributions to the municipality's goals if nobody changed the goal
/// since `revision`; returns the new revision.
#[server(input = Json)]
pub async fn save_goal_links(
    plan_id: PlanId,
    code: String,
    revision: i32,
    links: Vec<LinkForm>,
) -> Result<i32, AppError> {
    let state = super::context::state()?;
    let ctx = super::context::tenant().await?;
    super::context::reply(crate::services::goal_edit::links::save(
        &state.db, &ctx, plan_id, &code, revision, &links,
    ))
    .await
}
