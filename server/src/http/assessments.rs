//! Verdicts of a month: what `malbild assess` prints.

use axum::Extension;
use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use serde::Deserialize;

use app::model::Assessment;
use app::services;
use app::state::{AppState, CurrentAuth};

use super::error::{ApiError, ErrorBody};

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
    Extension(CurrentAuth(auth)): Extension<CurrentAuth>,
    Path(tenant): Path<String>,
    query: Result<Query<AssessmentQuery>, QueryRejection>,
) -> Result<Json<Vec<Assessment>>, ApiError> {
    let auth = auth.ok_or(ApiError::Unauthenticated)?;
    let Query(AssessmentQuery { period, council }) =
        query.map_err(|_| ApiError::InvalidInput("period: give the month as ?period=YYYY-MM".into()))?;
    let verdicts = services::assessment::for_tenant(&state.db, &auth, &tenant, council.as_deref(), &period).await?;
    Ok(Json(verdicts))
}
