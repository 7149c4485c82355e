use leptos::prelude::*;
use server_fn::codec::Json;

use crate::domain::{AssignmentId, PlanId};
use crate::model::{AppError, AssignmentEditView, AssignmentForm, FollowUp};

/// An uppdrag or initiativ of a plan with its comments and history (editors and admins).
#[server]
pub async fn assignment_for_edit(plan_id: PlanId, id: AssignmentId) -> Result<AssignmentEditView, AppError> {
    let state = super::context::state()?;
    let ctx = super::context::tenant().await?;
    super::context::reply(crate::services::assignment_edit::load(&state.db, &ctx, plan_id, id)).await
}

/// The form for a new item, tied to `goal` when given (admins).
#[server]
pub async fn new_assignment(plan_id: PlanId, goal: Option<String>) -> Result<AssignmentEditView, AppError> {
    let state = super::context::state()?;
    let ctx = super::context::tenant().await?;
    super::context::reply(crate::services::assignment_edit::blank(
        &state.db,
        &ctx,
        plan_id,
        goal.as_deref(),
    ))
    .await
}

/// Adds an item to a draft plan; returns its id.
#[server(input = Json)]
pub async fn create_assignment(plan_id: PlanId, form: AssignmentForm) -> Result<AssignmentId, AppError> {
    let state = super::context::state()?;
    let ctx = super::context::tenant().await?;
    super::context::reply(crate::services::assignment_edit::create(
        &state.db, &ctx, plan_id, &form,
    ))
    .await
}

/// Saves what an item is if nobody did since `revision`; returns the new revision.
#[server(input = Json)]
pub async fn save_assignment(
    plan_id: PlanId,
    id: AssignmentId,
    revision: i32,
    form: AssignmentForm,
) -> Result<i32, AppError> {
    let state = super::context::state()?;
    let ctx = super::context::tenant().await?;
    super::context::reply(crate::services::assignment_edit::update(
        &state.db, &ctx, plan_id, id, revision, &form,
    ))
    .await
}

/// Reports an item's status, forecast and a new comment; returns the new revision.
#[server(input = Json)]
pub async fn report_assignment(
    plan_id: PlanId,
    id: AssignmentId,
    revision: i32,
    follow_up: FollowUp,
) -> Result<i32, AppError> {
    let state = super::context::state()?;
    let ctx = super::context::tenant().await?;
    super::context::reply(crate::services::assignment_edit::report(
        &state.db, &ctx, plan_id, id, revision, &follow_up,
    ))
    .await
}

/// Deletes an item of a draft plan with its comments.
#[server(input = Json)]
pub async fn delete_assignment(plan_id: PlanId, id: AssignmentId, revision: i32) -> Result<(), AppError> {
    let state = super::context::state()?;
    let ctx = super::context::tenant().await?;
    super::context::reply(crate::services::assignment_edit::delete(
        &state.db, &ctx, plan_id, id, revision,
    ))
    .await
}
