//! Extractors that turn a request into who acts where: [`SignedIn`] (a live session) and
//! [`InTenant`] (that session resolved against the `{tenant}` of the route's path, reading
//! in the language of `Accept-Language`).

use axum::extract::{FromRequestParts, RawPathParams};
use http::request::Parts;

use app::i18n::Locale;
use app::services::auth::AuthContext;
use app::services::context::TenantContext;
use app::state::{AppState, CurrentAuth};

use super::error::ApiError;

/// The request's session; 401 without one.
pub struct SignedIn(pub AuthContext);

impl FromRequestParts<AppState> for SignedIn {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &AppState) -> Result<Self, ApiError> {
        parts
            .extensions
            .get::<CurrentAuth>()
            .and_then(|CurrentAuth(auth)| auth.clone())
            .map(SignedIn)
            .ok_or(ApiError::Unauthenticated)
    }
}

/// The tenant a REST request acts in: 401 without a session, 404 when the `{tenant}` in the
/// path is not the user's (unless a platform admin's) or does not exist.
pub struct InTenant(pub TenantContext);

impl FromRequestParts<AppState> for InTenant {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let SignedIn(auth) = SignedIn::from_request_parts(parts, state).await?;
        let params = RawPathParams::from_request_parts(parts, state)
            .await
            .map_err(|_| ApiError::NotFound)?;
        let slug = params
            .iter()
            .find_map(|(name, value)| (name == "tenant").then_some(value))
            .ok_or(ApiError::NoSuchRoute)?;
        let ctx = TenantContext::named(&state.db, &auth, slug).await?;
        Ok(InTenant(ctx.reading(request_locale(&parts.headers))))
    }
}

/// The language a REST request asks for: Swedish or English by `Accept-Language`, Swedish
/// by default.
pub fn request_locale(headers: &http::HeaderMap) -> Locale {
    accept_language(headers.get(http::header::ACCEPT_LANGUAGE))
}

/// The language of an `Accept-Language` value, Swedish without one.
pub fn accept_language(value: Option<&http::HeaderValue>) -> Locale {
    value
        .and_then(|value| value.to_str().ok())
        .map_or_else(Locale::default, Locale::from_accept_language)
}
