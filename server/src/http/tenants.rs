use axum::Extension;
use axum::Json;
use axum::extract::{Path, State};

use app::model::{Council, UserSummary};
use app::services;
use app::state::{AppState, CurrentAuth};

use super::error::{ApiError, ErrorBody};

/// The tenant's councils (nämnder) with their departments. Any role.
#[utoipa::path(get, path = "/api/v1/tenants/{tenant}/councils", tag = "tenants",
    params(("tenant" = String, Path, description = "Tenant slug")),
    responses(
        (status = 200, body = Vec<Council>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 404, description = "No such tenant, or not yours", body = ErrorBody),
    ))]
pub async fn councils(
    State(state): State<AppState>,
    Extension(CurrentAuth(auth)): Extension<CurrentAuth>,
    Path(tenant): Path<String>,
) -> Result<Json<Vec<Council>>, ApiError> {
    let auth = auth.ok_or(ApiError::Unauthenticated)?;
    Ok(Json(services::tenants::councils_of(&state.db, &auth, &tenant).await?))
}

/// The tenant's users. Admins only.
#[utoipa::path(get, path = "/api/v1/tenants/{tenant}/users", tag = "tenants",
    params(("tenant" = String, Path, description = "Tenant slug")),
    responses(
        (status = 200, body = Vec<UserSummary>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not an admin", body = ErrorBody),
        (status = 404, description = "No such tenant, or not yours", body = ErrorBody),
    ))]
pub async fn users(
    State(state): State<AppState>,
    Extension(CurrentAuth(auth)): Extension<CurrentAuth>,
    Path(tenant): Path<String>,
) -> Result<Json<Vec<UserSummary>>, ApiError> {
    let auth = auth.ok_or(ApiError::Unauthenticated)?;
    Ok(Json(services::users::list(&state.db, &auth, &tenant).await?))
}
