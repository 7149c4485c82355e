use std::net::SocketAddr;

use axum::Extension;
use axum::extract::{ConnectInfo, State};
use axum::response::{IntoResponse, Response};
use http::{HeaderMap, StatusCode, header};
use serde::Deserialize;

use app::auth::cookie::{clear_session_cookie, session_cookie};
use app::model::Me;
use app::services::auth::{LoginInput, login as login_service, logout as logout_service};
use app::state::{AppState, CurrentAuth};

use super::context::SignedIn;
use super::error::{ApiError, ErrorBody};
use super::json::ApiJson;

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    /// The tenant's slug, e.g. `norrtalje`.
    tenant: String,
    email: String,
    password: String,
}

/// Sign in; sets the `malbild_session` cookie.
#[utoipa::path(post, path = "/api/v1/auth/login", tag = "auth", request_body = LoginRequest,
    responses(
        (status = 200, description = "Signed in", body = Me),
        (status = 401, description = "Wrong tenant, e-mail or password", body = ErrorBody),
        (status = 422, description = "A field is missing, empty or too long", body = ErrorBody),
        (status = 429, description = "5 failed logins for this account or address in 15 minutes", body = ErrorBody),
    ))]
pub async fn login(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<LoginRequest>,
) -> Result<Response, ApiError> {
    let input = LoginInput {
        tenant: &body.tenant,
        email: &body.email,
        password: &body.password,
        client_addr: Some(state.settings.client_ip(&headers, peer.ip())),
    };
    let session = login_service(&state.db, input, state.settings.session_ttl, chrono::Utc::now()).await?;
    let cookie = session_cookie(
        &session.cookie_value,
        session.max_age_secs,
        state.settings.is_https(&headers),
    );
    Ok(([(header::SET_COOKIE, cookie)], axum::Json(session.me)).into_response())
}

/// Sign out: ends the session and clears the cookie.
#[utoipa::path(post, path = "/api/v1/auth/logout", tag = "auth",
    responses((status = 204, description = "Signed out (also when no session was present)")))]
pub async fn logout(
    State(state): State<AppState>,
    Extension(CurrentAuth(auth)): Extension<CurrentAuth>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    if let Some(auth) = auth {
        logout_service(&state.db, &state.sessions, &auth).await?;
    }
    let cookie = clear_session_cookie(state.settings.is_https(&headers));
    Ok((StatusCode::NO_CONTENT, [(header::SET_COOKIE, cookie)]).into_response())
}

/// The signed-in user, their tenant and role.
#[utoipa::path(get, path = "/api/v1/me", tag = "auth",
    responses((status = 200, body = Me), (status = 401, description = "Not signed in", body = ErrorBody)))]
pub async fn me(SignedIn(auth): SignedIn) -> axum::Json<Me> {
    axum::Json(auth.me)
}
