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
    pub assets: crate::SiteAssets,
    pub settings: Arc<Settings>,
    pub sessions: crate::auth::session_cache::SessionCache,
    pub imports: crate::services::import_jobs::ImportJobs,
    pub homes: crate::services::tenants::HomeCache,
    pub plan_views: crate::services::plans::ViewCache,
    pub plan_inputs: crate::services::assessment::InputsCache,
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
    /// Behind a reverse proxy: the header in which it passes the client's address
    /// (e.g. `x-forwarded-for`), so login throttling is per client, not per proxy.
    pub client_ip_header: Option<http::HeaderName>,
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

    /// The client's address for login throttling: the configured proxy header's last entry
    /// (the one our own proxy appended; earlier ones are whatever the client sent), else
    /// the connection's peer.
    pub fn client_ip(&self, headers: &http::HeaderMap, peer: std::net::IpAddr) -> String {
        self.client_ip_header
            .as_ref()
            .and_then(|name| headers.get(name))
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map_or_else(|| peer.to_string(), str::to_owned)
    }
}

/// The signed-in user of the current request, resolved once by the server's session
/// middleware and read by server functions and handlers from the request extensions.
#[derive(Clone, Default)]
pub struct CurrentAuth(pub Option<AuthContext>);

/// What a caught panic said, for the log.
pub fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}
