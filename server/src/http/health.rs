//! Whether this instance can serve: for a load balancer's health check.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Serialize;
use utoipa::ToSchema;

use app::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
pub struct Health {
    /// `ok`, or `unavailable` when the database does not answer.
    pub status: &'static str,
}

/// 200 when this instance reaches its database, 503 when it does not. No sign-in.
#[utoipa::path(get, path = "/api/v1/health", tag = "health",
    responses((status = 200, body = Health), (status = 503, description = "The database does not answer", body = Health)))]
pub async fn health(State(state): State<AppState>) -> (StatusCode, Json<Health>) {
    match state.db.ping().await {
        Ok(()) => (StatusCode::OK, Json(Health { status: "ok" })),
        Err(err) => {
            tracing::warn!(error = %err, "health check: database unreachable");
            (StatusCode::SERVICE_UNAVAILABLE, Json(Health { status: "unavailable" }))
        }
    }
}
