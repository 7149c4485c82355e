//! Server functions: the browser's API. Thin: find the signed-in user, call a service,
//! map its error. Run on the server; compiled to HTTP clients in the wasm bundle.

mod auth;
mod tenant;

pub use auth::*;
pub use tenant::*;

#[cfg(feature = "ssr")]
mod context {
    use axum::Extension;
    use leptos::prelude::use_context;

    use crate::model::AppError;
    use crate::services::auth::AuthContext;
    use crate::state::{AppState, CurrentAuth};

    pub fn state() -> Result<AppState, AppError> {
        use_context::<AppState>().ok_or(AppError::Internal)
    }

    pub async fn current_auth() -> Result<Option<AuthContext>, AppError> {
        let Extension(CurrentAuth(auth)) = leptos_axum::extract::<Extension<CurrentAuth>>()
            .await
            .map_err(|_| AppError::Internal)?;
        Ok(auth)
    }

    pub async fn require_auth() -> Result<AuthContext, AppError> {
        current_auth().await?.ok_or(AppError::Unauthenticated)
    }
}
