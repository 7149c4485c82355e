use leptos::prelude::*;
use server_fn::codec::Json;

use crate::domain::PlanId;
use crate::model::{AppError, FollowUpFilter, FollowUpView, ManualVerdictForm, VerdictKind};

/// A plan's follow-up at a month, filtered (any role).
#[server(input = Json)]
pub async fn get_follow_up(plan_id: PlanId, filter: FollowUpFilter) -> Result<FollowUpView, AppError> {
    let state = super::context::state()?;
    let ctx = super::context::tenant().await?;
    let today = chrono::Utc::now().date_naive();
    super::context::reply(crate::services::follow_up::view(
        &state.db,
        &state.plan_inputs,
        &ctx,
        plan_id,
        &filter,
        today,
    ))
    .await
}

/// Gives or changes a manual verdict (editors and admins); returns its revision.
#[server(input = Json)]
pub async fn give_manual_verdict(plan_id: PlanId, form: ManualVerdictForm) -> Result<i32, AppError> {
    let state = super::context::state()?;
    let ctx = super::context::tenant().await?;
    super::context::reply(crate::services::assessment::manual::give(
        &state.db, &ctx, plan_id, &form,
    ))
    .await
}

/// Withdraws a manual verdict if it is still at `revision` (editors and admins).
#[server(input = Json)]
pub async fn withdraw_manual_verdict(
    plan_id: PlanId,
    kind: VerdictKind,
    code: String,
    period: String,
    revision: i32,
) -> Result<(), AppError> {
    let state = super::context::state()?;
    let ctx = super::context::tenant().await?;
    super::context::reply(crate::services::assessment::manual::withdraw(
        &state.db, &ctx, plan_id, kind, &code, &period, revision,
    ))
    .await
}
