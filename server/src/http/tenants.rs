use axum::Json;
use axum::extract::{Request, State};
use http::StatusCode;
use serde::Deserialize;

use app::model::{Council, Role, TenantSummary, UserSummary};
use app::services;
use app::services::users::NewUserInput;
use app::state::AppState;

use app::services::context::TenantContext;

use super::context::{InTenant, SignedIn};
use super::error::{ApiError, ErrorBody};
use super::json::ApiJson;

/// The tenant's councils (nämnder) with their departments. Any role.
#[utoipa::path(get, path = "/api/v1/tenants/{tenant}/councils", tag = "tenants",
    params(("tenant" = String, Path, description = "Tenant slug")),
    responses(
        (status = 200, body = Vec<Council>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 404, description = "No such tenant, or not yours", body = ErrorBody),
    ))]
pub async fn councils(State(state): State<AppState>, InTenant(ctx): InTenant) -> Result<Json<Vec<Council>>, ApiError> {
    Ok(Json(services::tenants::councils_of(&state.db, &ctx).await?))
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
pub async fn users(State(state): State<AppState>, InTenant(ctx): InTenant) -> Result<Json<Vec<UserSummary>>, ApiError> {
    Ok(Json(services::users::list(&state.db, &ctx).await?))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewTenant {
    /// Lowercase a–z, 0–9 and `-`, e.g. `uppsala`.
    slug: String,
    name: String,
}

/// Adds a municipality. Platform admins only. Its configuration, councils and plans follow
/// with `POST /tenants/{tenant}/import`, its users with `POST /tenants/{tenant}/users`.
#[utoipa::path(post, path = "/api/v1/tenants", tag = "tenants", request_body = NewTenant,
    responses(
        (status = 201, body = TenantSummary),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not a platform admin", body = ErrorBody),
        (status = 409, description = "The slug is taken", body = ErrorBody),
        (status = 422, description = "Bad slug or name", body = ErrorBody),
    ))]
pub async fn create_tenant(
    State(state): State<AppState>,
    SignedIn(auth): SignedIn,
    request: Request,
) -> Result<(StatusCode, Json<TenantSummary>), ApiError> {
    if !auth.me.platform_admin {
        return Err(ApiError::Forbidden);
    }
    let body: NewTenant = ApiJson::read(request).await?;
    let tenant = services::tenants::create_for(&state.db, &TenantContext::own(&auth), &body.slug, &body.name).await?;
    Ok((StatusCode::CREATED, Json(tenant)))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewUser {
    email: String,
    name: String,
    role: Role,
    /// At least 12 characters.
    password: String,
}

/// Adds a user to the tenant. Admins of the tenant and platform admins.
#[utoipa::path(post, path = "/api/v1/tenants/{tenant}/users", tag = "tenants", request_body = NewUser,
    params(("tenant" = String, Path, description = "Tenant slug")),
    responses(
        (status = 201, body = UserSummary),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not an admin", body = ErrorBody),
        (status = 404, description = "No such tenant, or not yours", body = ErrorBody),
        (status = 409, description = "The e-mail is in use", body = ErrorBody),
        (status = 422, description = "Bad e-mail, name or password", body = ErrorBody),
    ))]
pub async fn add_user(
    State(state): State<AppState>,
    InTenant(ctx): InTenant,
    request: Request,
) -> Result<(StatusCode, Json<UserSummary>), ApiError> {
    ctx.require(Role::Admin)?;
    let body: NewUser = ApiJson::read(request).await?;
    let input = NewUserInput {
        email: &body.email,
        name: &body.name,
        role: body.role,
        password: &body.password,
        is_demo: false,
    };
    let user = services::users::add_for(&state.db, &ctx, input).await?;
    Ok((StatusCode::CREATED, Json(user)))
}
