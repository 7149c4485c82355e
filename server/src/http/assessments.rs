//! Verdicts of a month (what `malbild assess` prints) and the manual verdicts that
//! override computed ones.

use app::domain::PlanId;
use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use http::StatusCode;
use serde::{Deserialize, Serialize};

use app::model::{Assessment, ManualVerdictForm, Message, VerdictKind};
use app::services;
use app::state::AppState;

use super::context::InTenant;
use super::error::{ApiError, ErrorBody};
use super::json::ApiJson;

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AssessmentQuery {
    /// The month followed up, `YYYY-MM`.
    pub period: String,
    /// Only this council's plans (its slug).
    pub council: Option<String>,
}

/// Every goal's and indicator's verdict (`green`, `yellow`, `red`, `grey`) at the month,
/// with its explanation in Swedish, for each plan covering the month. Any role.
#[utoipa::path(get, path = "/api/v1/tenants/{tenant}/assessments", tag = "assessments",
    params(("tenant" = String, Path, description = "Tenant slug"), AssessmentQuery),
    responses(
        (status = 200, body = Vec<Assessment>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 404, description = "No such tenant or council, or not yours", body = ErrorBody),
        (status = 422, description = "The period is not a month", body = ErrorBody),
    ))]
pub async fn assessments(
    State(state): State<AppState>,
    InTenant(ctx): InTenant,
    query: Result<Query<AssessmentQuery>, QueryRejection>,
) -> Result<Json<Vec<Assessment>>, ApiError> {
    let Query(AssessmentQuery { period, council }) =
        query.map_err(|_| ApiError::missing_query("period", "?period=2025-10"))?;
    let verdicts =
        services::assessment::for_tenant(&state.db, &state.plan_inputs, &ctx, council.as_deref(), &period).await?;
    Ok(Json(verdicts))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct GivenRevision {
    /// Send it back to change or withdraw this verdict.
    pub revision: i32,
}

/// Gives a goal or indicator of the plan a manual verdict for a period with a motivation
/// (`revision` absent), or changes the one at `revision`. It overrides the computed verdict
/// at the period's last month. Audited. Editors and admins.
#[utoipa::path(put, path = "/api/v1/tenants/{tenant}/plans/{plan}/manual-verdicts", tag = "assessments",
    request_body = ManualVerdictForm,
    params(("tenant" = String, Path, description = "Tenant slug"), ("plan" = Uuid, Path, description = "Plan id")),
    responses(
        (status = 200, body = GivenRevision),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "A viewer", body = ErrorBody),
        (status = 404, description = "No such plan, goal or indicator in this tenant", body = ErrorBody),
        (status = 409, description = "Given, changed or withdrawn by someone else since `revision`", body = ErrorBody),
        (status = 422, description = "Bad period or missing motivation", body = ErrorBody),
    ))]
pub async fn give_manual_verdict(
    State(state): State<AppState>,
    InTenant(ctx): InTenant,
    Path((_, plan)): Path<(String, PlanId)>,
    ApiJson(form): ApiJson<ManualVerdictForm>,
) -> Result<Json<GivenRevision>, ApiError> {
    let revision = services::assessment::manual::give(&state.db, &ctx, plan, &form).await?;
    Ok(Json(GivenRevision { revision }))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct WithdrawQuery {
    pub kind: VerdictKind,
    /// The goal's code within the plan, or the indicator's code.
    pub code: String,
    pub period: String,
    pub revision: i32,
}

/// Withdraws a manual verdict if it is still at `revision`. Audited. Editors and admins.
#[utoipa::path(delete, path = "/api/v1/tenants/{tenant}/plans/{plan}/manual-verdicts", tag = "assessments",
    params(("tenant" = String, Path, description = "Tenant slug"), ("plan" = Uuid, Path, description = "Plan id"), WithdrawQuery),
    responses(
        (status = 204, description = "Withdrawn"),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "A viewer", body = ErrorBody),
        (status = 404, description = "No such plan, goal or indicator in this tenant", body = ErrorBody),
        (status = 409, description = "Changed or withdrawn by someone else since `revision`", body = ErrorBody),
    ))]
pub async fn withdraw_manual_verdict(
    State(state): State<AppState>,
    InTenant(ctx): InTenant,
    Path((_, plan)): Path<(String, PlanId)>,
    query: Result<Query<WithdrawQuery>, QueryRejection>,
) -> Result<StatusCode, ApiError> {
    let Query(q) = query.map_err(|e| ApiError::Invalid {
        field: "query".to_owned(),
        message: Message::UnreadableRequest { detail: e.body_text() },
    })?;
    services::assessment::manual::withdraw(&state.db, &ctx, plan, q.kind, &q.code, &q.period, q.revision).await?;
    Ok(StatusCode::NO_CONTENT)
}
