//! Server functions: the browser's API. Thin: find the signed-in user, call a service,
//! map its error. Run on the server; compiled to HTTP clients in the wasm bundle.

mod assignments;
mod auth;
mod follow_up;
mod goals;
mod indicators;
mod ledger;
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
pub use ledger::*;
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
    use crate::services::context::TenantContext;
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

    /// The tenant a server function acts in: the session's own.
    pub async fn tenant() -> Result<TenantContext, AppError> {
        Ok(TenantContext::own(&require_auth().await?).reading(crate::request_locale()))
    }

    /// Runs a service call and maps its result for the browser, setting the HTTP status to
    /// match the error (a wrong password is a 401, not a 500), for server function calls and
    /// pages alike. A panic in the service becomes an internal error: while a page renders,
    /// a server function runs in a resource's own task, where an uncaught panic would leave
    /// the page waiting for it forever.
    pub async fn reply<T>(
        service: impl std::future::Future<Output = Result<T, crate::services::ServiceError>>,
    ) -> Result<T, AppError> {
        use futures::FutureExt;
        match std::panic::AssertUnwindSafe(service).catch_unwind().await {
            Ok(result) => result.map_err(|err| reply_error(err.into())),
            Err(panic) => {
                let message = crate::state::panic_message(&*panic);
                tracing::error!(panic = %message, "a server function panicked");
                Err(reply_error(AppError::Internal))
            }
        }
    }

    fn reply_error(err: AppError) -> AppError {
        use http::StatusCode;
        let status = match &err {
            AppError::Unauthenticated | AppError::InvalidCredentials => StatusCode::UNAUTHORIZED,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Throttled => StatusCode::TOO_MANY_REQUESTS,
            AppError::Invalid { .. } | AppError::Rejected(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::Busy(_) => StatusCode::TOO_MANY_REQUESTS,
            AppError::Internal | AppError::ServerFn(_) => StatusCode::INTERNAL_SERVER_ERROR,
        };
        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
            response.set_status(status);
        }
        err
    }

    #[cfg(test)]
    mod tests {
        use super::*;
        use crate::services::ServiceError;

        async fn buggy_service() -> Result<(), ServiceError> {
            panic!("a bug in a service")
        }

        /// During a page render a server function runs in a resource's own task: a panic
        /// there must become an answer, or the page waits for it forever.
        #[tokio::test]
        async fn a_panicking_service_becomes_an_internal_error() {
            assert_eq!(reply(buggy_service()).await, Err(AppError::Internal));
        }

        #[tokio::test]
        async fn a_service_error_keeps_its_kind() {
            assert_eq!(
                reply(async { Err::<(), _>(ServiceError::NotFound) }).await,
                Err(AppError::NotFound)
            );
        }
    }
}
