use leptos::prelude::*;

use crate::model::{AppError, Me, TenantSummary};

/// Municipalities to choose from on the login page.
#[server]
pub async fn public_tenants() -> Result<Vec<TenantSummary>, AppError> {
    let state = super::context::state()?;
    super::context::reply(crate::services::tenants::list_public(&state.db)).await
}

/// Signs in and sets the session cookie; then the browser goes to the tenant home.
#[server]
pub async fn login(tenant: String, email: String, password: String) -> Result<(), AppError> {
    use axum::extract::ConnectInfo;
    use std::net::SocketAddr;

    use crate::auth::cookie::session_cookie;
    use crate::services::auth::{LoginInput, login};

    let state = super::context::state()?;
    let parts: http::request::Parts = leptos_axum::extract().await.map_err(|_| AppError::Internal)?;
    let client_addr = leptos_axum::extract::<ConnectInfo<SocketAddr>>()
        .await
        .ok()
        .map(|ConnectInfo(peer)| state.settings.client_ip(&parts.headers, peer.ip()));
    let input = LoginInput {
        tenant: &tenant,
        email: &email,
        password: &password,
        client_addr,
    };
    let session =
        super::context::reply(login(&state.db, input, state.settings.session_ttl, chrono::Utc::now())).await?;
    let response = expect_context::<leptos_axum::ResponseOptions>();
    let secure = state.settings.is_https(&parts.headers);
    let cookie = session_cookie(&session.cookie_value, session.max_age_secs, secure);
    if let Ok(value) = http::HeaderValue::from_str(&cookie) {
        response.append_header(http::header::SET_COOKIE, value);
    }
    leptos_axum::redirect("/");
    Ok(())
}

/// Ends the session and clears the cookie; then the browser goes to the login page.
#[server]
pub async fn logout() -> Result<(), AppError> {
    let state = super::context::state()?;
    let parts: http::request::Parts = leptos_axum::extract().await.map_err(|_| AppError::Internal)?;
    if let Some(auth) = super::context::current_auth().await? {
        super::context::reply(crate::services::auth::logout(&state.db, &state.sessions, &auth)).await?;
    }
    let cookie = crate::auth::cookie::clear_session_cookie(state.settings.is_https(&parts.headers));
    let response = expect_context::<leptos_axum::ResponseOptions>();
    if let Ok(value) = http::HeaderValue::from_str(&cookie) {
        response.append_header(http::header::SET_COOKIE, value);
    }
    leptos_axum::redirect("/login");
    Ok(())
}

/// The signed-in user, or `None`.
#[server]
pub async fn current_user() -> Result<Option<Me>, AppError> {
    Ok(super::context::current_auth().await?.map(|auth| auth.me))
}
