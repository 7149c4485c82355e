use leptos::prelude::*;
use server_fn::codec::Json;

use crate::domain::{CouncilId, PlanId};
use crate::model::{AppError, CouncilForm, EconomyView, NewPlanForm, OrganisationView, TenantTextsForm};

/// The tenant's texts, councils and departments, with their history (admins).
#[server]
pub async fn organisation() -> Result<OrganisationView, AppError> {
    let state = super::context::state()?;
    let ctx = super::context::tenant().await?;
    super::context::reply(crate::services::organisation::load(&state.db, &ctx)).await
}

/// Saves the vision and values texts; returns the organisation as saved.
#[server(input = Json)]
pub async fn save_tenant_texts(texts: TenantTextsForm) -> Result<OrganisationView, AppError> {
    let state = super::context::state()?;
    let ctx = super::context::tenant().await?;
    super::context::reply(crate::services::organisation::save_texts(&state.db, &ctx, &texts)).await
}

/// Adds a council (no id) or saves one with its departments.
#[server(input = Json)]
pub async fn save_council(council: CouncilForm) -> Result<OrganisationView, AppError> {
    let state = super::context::state()?;
    let ctx = super::context::tenant().await?;
    super::context::reply(crate::services::organisation::save_council(&state.db, &ctx, &council)).await
}

/// Removes a council without plans.
#[server]
pub async fn delete_council(id: CouncilId, revision: i32) -> Result<OrganisationView, AppError> {
    let state = super::context::state()?;
    let ctx = super::context::tenant().await?;
    super::context::reply(crate::services::organisation::delete_council(
        &state.db, &ctx, id, revision,
    ))
    .await
}

/// Starts a new, empty plan for a council; returns its id.
#[server(input = Json)]
pub async fn create_plan(plan: NewPlanForm) -> Result<PlanId, AppError> {
    let state = super::context::state()?;
    let ctx = super::context::tenant().await?;
    super::context::reply(crate::services::plan_decisions::create_plan(&state.db, &ctx, &plan)).await
}

/// A council's economy (any role of the tenant), by the council's slug.
#[server]
pub async fn council_economy(council: String) -> Result<EconomyView, AppError> {
    let state = super::context::state()?;
    let ctx = super::context::tenant().await?;
    super::context::reply(crate::services::economy::council_economy(
        &state.db,
        ctx.scope(),
        &council,
    ))
    .await
}
