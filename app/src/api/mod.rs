//! Server functions: the browser's API. Thin: find the signed-in user, call a service,
//! map its error. Run on the server; compiled to HTTP clients in the wasm bundle.

mod assignments;
mod auth;
mod follow_up;
mod goals;
mod indicators;
mod organisation;
mod outcomes;
mod plans;
mod structure;
mod tenant;

pub use assignments::*;
pub use auth::*;
pub use follow_up::*;
pub use goals::*;
pub use indicators::*;
pub use organisation::*;
pub use outcomes::*;
pub use plans::*;
pub use structure::*;
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
        current_auth()
            .await?
            .ok_or_else(|| reply_error(AppError::Unauthenticated))
    }

    /// Maps a service result for the browser, setting the HTTP status to match the error
    /// (a wrong password is a 401, not a 500), for server function calls and pages alike.
    pub fn reply<T>(result: Result<T, crate::services::ServiceError>) -> Result<T, AppError> {
        result.map_err(|err| reply_error(err.into()))
    }

    fn reply_error(err: AppError) -> AppError {
        use http::StatusCode;
        let status = match &err {
            AppError::Unauthenticated | AppError::InvalidCredentials => StatusCode::UNAUTHORIZED,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Throttled => StatusCode::TOO_MANY_REQUESTS,
            AppError::Invalid { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::Internal | AppError::ServerFn(_) => StatusCode::INTERNAL_SERVER_ERROR,
        };
        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
            response.set_status(status);
        }
        err
    }
}
