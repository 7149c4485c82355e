use leptos::prelude::*;

use server_fn::codec::Json;

use crate::domain::PlanId;
use crate::model::{AppError, DecisionForm, PlanState, PlanView};

/// One plan of the signed-in user's tenant, as the council page shows it.
#[server]
pub async fn get_plan(id: PlanId) -> Result<PlanView, AppError> {
    let state = super::context::state()?;
    let ctx = super::context::tenant().await?;
    super::context::reply(crate::services::plans::view(&state.db, &state.plan_views, &ctx, id)).await
}

/// Adopts the plan's draft by the council's decision (admins).
#[server(input = Json)]
pub async fn adopt_plan(id: PlanId, revision: i32, decision: DecisionForm) -> Result<PlanState, AppError> {
    let state = super::context::state()?;
    let ctx = super::context::tenant().await?;
    super::context::reply(crate::services::plan_decisions::adopt(
        &state.db, &ctx, id, revision, &decision,
    ))
    .await
}

/// Starts the next version of an adopted plan as a draft (admins).
#[server(input = Json)]
pub async fn start_plan_draft(id: PlanId, revision: i32) -> Result<PlanState, AppError> {
    let state = super::context::state()?;
    let ctx = super::context::tenant().await?;
    super::context::reply(crate::services::plan_decisions::start_draft(
        &state.db, &ctx, id, revision,
    ))
    .await
}
