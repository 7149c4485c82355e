//! Plans, goals and indicators of a tenant, read-only, in the tenant document's format
//! (codes, not database ids), and the whole tenant's export.

use app::domain::PlanId;
use axum::Json;
use axum::extract::{Path, Request, State};
use serde::Deserialize;

use app::exchange::ImportSummary;
use app::exchange::document::{Goal, Indicator, Plan, TenantDocument};
use app::model::{DecisionForm, PlanState, PlanSummary, Role};
use app::services;
use app::state::AppState;
use http::StatusCode;

use super::context::InTenant;
use super::error::{ApiError, ErrorBody};
use super::json::ApiJson;

/// The tenant's plans, per council, newest first. Any role.
#[utoipa::path(get, path = "/api/v1/tenants/{tenant}/plans", tag = "plans",
    params(("tenant" = String, Path, description = "Tenant slug")),
    responses(
        (status = 200, body = Vec<PlanSummary>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 404, description = "No such tenant, or not yours", body = ErrorBody),
    ))]
pub async fn plans(State(state): State<AppState>, InTenant(ctx): InTenant) -> Result<Json<Vec<PlanSummary>>, ApiError> {
    Ok(Json(services::plans::list_for(&state.db, &ctx).await?))
}

/// One plan with its goals, indicators (targets, outcomes, forecasts), uppdrag and
/// initiativ, fokusområden, activities and adopted versions. Any role.
#[utoipa::path(get, path = "/api/v1/tenants/{tenant}/plans/{plan}", tag = "plans",
    params(("tenant" = String, Path, description = "Tenant slug"), ("plan" = Uuid, Path, description = "Plan id")),
    responses(
        (status = 200, body = Plan),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 404, description = "No such plan in this tenant", body = ErrorBody),
    ))]
pub async fn plan(
    State(state): State<AppState>,
    InTenant(ctx): InTenant,
    Path((_, plan)): Path<(String, PlanId)>,
) -> Result<Json<Plan>, ApiError> {
    Ok(Json(services::plans::document_for(&state.db, &ctx, plan).await?))
}

/// The plan's goals in tree order (each parent before its children). Any role.
#[utoipa::path(get, path = "/api/v1/tenants/{tenant}/plans/{plan}/goals", tag = "plans",
    params(("tenant" = String, Path, description = "Tenant slug"), ("plan" = Uuid, Path, description = "Plan id")),
    responses(
        (status = 200, body = Vec<Goal>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 404, description = "No such plan in this tenant", body = ErrorBody),
    ))]
pub async fn goals(
    State(state): State<AppState>,
    InTenant(ctx): InTenant,
    Path((_, plan)): Path<(String, PlanId)>,
) -> Result<Json<Vec<Goal>>, ApiError> {
    Ok(Json(
        services::plans::document_for(&state.db, &ctx, plan)
            .await?
            .content
            .goals,
    ))
}

/// The plan's indicators with targets, outcomes and forecasts. Any role.
#[utoipa::path(get, path = "/api/v1/tenants/{tenant}/plans/{plan}/indicators", tag = "plans",
    params(("tenant" = String, Path, description = "Tenant slug"), ("plan" = Uuid, Path, description = "Plan id")),
    responses(
        (status = 200, body = Vec<Indicator>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 404, description = "No such plan in this tenant", body = ErrorBody),
    ))]
pub async fn indicators(
    State(state): State<AppState>,
    InTenant(ctx): InTenant,
    Path((_, plan)): Path<(String, PlanId)>,
) -> Result<Json<Vec<Indicator>>, ApiError> {
    Ok(Json(
        services::plans::document_for(&state.db, &ctx, plan)
            .await?
            .content
            .indicators,
    ))
}

/// The whole tenant (levels, councils, plans with all data) in the versioned tenant
/// document format that `malbild import` reads. Admins only.
#[utoipa::path(get, path = "/api/v1/tenants/{tenant}/export", tag = "plans",
    params(("tenant" = String, Path, description = "Tenant slug")),
    responses(
        (status = 200, body = TenantDocument),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not an admin", body = ErrorBody),
        (status = 404, description = "No such tenant, or not yours", body = ErrorBody),
    ))]
pub async fn export(State(state): State<AppState>, InTenant(ctx): InTenant) -> Result<Json<TenantDocument>, ApiError> {
    Ok(Json(app::services::tenant_document::export_for(&state.db, &ctx).await?))
}

/// Loads a tenant document (levels, councils, plans with all data) into a new or empty
/// tenant, all or nothing; every problem of the document is listed. Admins of the tenant
/// and platform admins. The document's own slug is replaced by the path's.
#[utoipa::path(post, path = "/api/v1/tenants/{tenant}/import", tag = "plans", request_body = TenantDocument,
    params(("tenant" = String, Path, description = "Tenant slug")),
    responses(
        (status = 201, body = ImportSummary),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not an admin", body = ErrorBody),
        (status = 404, description = "No such tenant, or not yours", body = ErrorBody),
        (status = 409, description = "The tenant already has levels or plans", body = ErrorBody),
        (status = 422, description = "The document's problems, one per line", body = ErrorBody),
    ))]
pub async fn import(
    State(state): State<AppState>,
    InTenant(ctx): InTenant,
    request: Request,
) -> Result<(StatusCode, Json<ImportSummary>), ApiError> {
    ctx.require(Role::Admin)?;
    let document: TenantDocument = ApiJson::read(request).await?;
    let summary = app::services::tenant_document::import_for(&state.db, &ctx, document).await?;
    Ok((StatusCode::CREATED, Json(summary)))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Adoption {
    /// The plan's revision as last read (`revision` of the plan list).
    revision: i32,
    /// The meeting's date, `YYYY-MM-DD`, not after today.
    date: String,
    /// The deciding body, e.g. `Socialnämnden`.
    body: String,
    /// The minutes' paragraph, e.g. `§ 187`.
    paragraph: String,
}

/// Adopts the plan's current draft: records the decision and freezes the version. Admins.
#[utoipa::path(post, path = "/api/v1/tenants/{tenant}/plans/{plan}/adoptions", tag = "plans", request_body = Adoption,
    params(("tenant" = String, Path, description = "Tenant slug"), ("plan" = Uuid, Path, description = "Plan id")),
    responses(
        (status = 201, body = PlanState),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not an admin", body = ErrorBody),
        (status = 404, description = "No such plan in this tenant", body = ErrorBody),
        (status = 409, description = "Adopted already, or changed since `revision`", body = ErrorBody),
        (status = 422, description = "Bad date, body or paragraph", body = ErrorBody),
    ))]
pub async fn adopt(
    State(state): State<AppState>,
    InTenant(ctx): InTenant,
    Path((_, plan)): Path<(String, PlanId)>,
    ApiJson(body): ApiJson<Adoption>,
) -> Result<(StatusCode, Json<PlanState>), ApiError> {
    let decision = DecisionForm {
        date: body.date,
        body: body.body,
        paragraph: body.paragraph,
    };
    let adopted = services::plan_decisions::adopt(&state.db, &ctx, plan, body.revision, &decision).await?;
    Ok((StatusCode::CREATED, Json(adopted)))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewDraft {
    /// The plan's revision as last read.
    revision: i32,
}

/// Starts the next version of an adopted plan as a draft, a copy of the adopted content.
/// Admins.
#[utoipa::path(post, path = "/api/v1/tenants/{tenant}/plans/{plan}/drafts", tag = "plans", request_body = NewDraft,
    params(("tenant" = String, Path, description = "Tenant slug"), ("plan" = Uuid, Path, description = "Plan id")),
    responses(
        (status = 201, body = PlanState),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not an admin", body = ErrorBody),
        (status = 404, description = "No such plan in this tenant", body = ErrorBody),
        (status = 409, description = "A draft already, or changed since `revision`", body = ErrorBody),
    ))]
pub async fn start_draft(
    State(state): State<AppState>,
    InTenant(ctx): InTenant,
    Path((_, plan)): Path<(String, PlanId)>,
    ApiJson(body): ApiJson<NewDraft>,
) -> Result<(StatusCode, Json<PlanState>), ApiError> {
    let draft = services::plan_decisions::start_draft(&state.db, &ctx, plan, body.revision).await?;
    Ok((StatusCode::CREATED, Json(draft)))
}
