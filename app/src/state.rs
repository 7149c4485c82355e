//! Server state shared by pages, server functions and REST handlers.

use std::sync::Arc;

use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;
use sea_orm::DatabaseConnection;

use crate::services::auth::AuthContext;

#[derive(Clone)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub leptos_options: LeptosOptions,
    pub settings: Arc<Settings>,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

/// Runtime settings read from the environment at start (see README, "Configuration").
#[derive(Debug, Clone)]
pub struct Settings {
    pub session_ttl: chrono::Duration,
    /// The public URL is https: always mark cookies `Secure`.
    pub https: bool,
}

impl Settings {
    /// Whether this request reached us over https: directly configured, or as told by the
    /// TLS-terminating proxy in `X-Forwarded-Proto`.
    pub fn is_https(&self, headers: &http::HeaderMap) -> bool {
        self.https
            || headers
                .get("x-forwarded-proto")
                .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"https"))
    }
}

/// The signed-in user of the current request, resolved once by the server's session
/// middleware and read by server functions and handlers from the request extensions.
#[derive(Clone, Default)]
pub struct CurrentAuth(pub Option<AuthContext>);
