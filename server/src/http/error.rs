//! The REST layer's error: one status and machine-readable code per failure.

use axum::Json;
use axum::response::{IntoResponse, Response};
use http::StatusCode;
use serde::Serialize;

use app::services::ServiceError;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("sign in first")]
    Unauthenticated,
    #[error("your role does not allow this")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("no such API route")]
    NoSuchRoute,
    #[error("wrong tenant, e-mail or password")]
    InvalidCredentials,
    #[error("too many failed logins; try again in 15 minutes")]
    Throttled,
    #[error("{0}")]
    Busy(String),
    #[error("cross-site request refused")]
    CrossSite,
    #[error("malformed JSON: {0}")]
    MalformedJson(String),
    #[error("expected a JSON body with Content-Type: application/json")]
    NotJson,
    #[error("{0}")]
    InvalidInput(String),
    #[error("{0}")]
    Conflict(String),
    #[error("the body is larger than {limit_mb} MB")]
    TooLarge { limit_mb: usize },
    #[error("internal error")]
    Internal,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorDetail {
    /// Stable machine-readable code, e.g. `not_found`, `invalid_input`.
    pub code: &'static str,
    /// Human-readable explanation.
    pub message: String,
}

impl ApiError {
    fn status_and_code(&self) -> (StatusCode, &'static str) {
        match self {
            ApiError::Unauthenticated => (StatusCode::UNAUTHORIZED, "unauthenticated"),
            ApiError::Forbidden => (StatusCode::FORBIDDEN, "forbidden"),
            ApiError::NotFound | ApiError::NoSuchRoute => (StatusCode::NOT_FOUND, "not_found"),
            ApiError::InvalidCredentials => (StatusCode::UNAUTHORIZED, "invalid_credentials"),
            ApiError::Throttled => (StatusCode::TOO_MANY_REQUESTS, "too_many_attempts"),
            ApiError::Busy(_) => (StatusCode::TOO_MANY_REQUESTS, "busy"),
            ApiError::CrossSite => (StatusCode::FORBIDDEN, "cross_site_request"),
            ApiError::MalformedJson(_) => (StatusCode::BAD_REQUEST, "malformed_json"),
            ApiError::NotJson => (StatusCode::UNSUPPORTED_MEDIA_TYPE, "not_json"),
            ApiError::InvalidInput(_) => (StatusCode::UNPROCESSABLE_ENTITY, "invalid_input"),
            ApiError::Conflict(_) => (StatusCode::CONFLICT, "conflict"),
            ApiError::TooLarge { .. } => (StatusCode::PAYLOAD_TOO_LARGE, "too_large"),
            ApiError::Internal => (StatusCode::INTERNAL_SERVER_ERROR, "internal"),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, code) = self.status_and_code();
        (
            status,
            Json(ErrorBody {
                error: ErrorDetail {
                    code,
                    message: self.to_string(),
                },
            }),
        )
            .into_response()
    }
}

impl From<ServiceError> for ApiError {
    fn from(err: ServiceError) -> Self {
        match err {
            ServiceError::Unauthenticated => ApiError::Unauthenticated,
            ServiceError::Forbidden => ApiError::Forbidden,
            ServiceError::NotFound => ApiError::NotFound,
            ServiceError::InvalidCredentials => ApiError::InvalidCredentials,
            ServiceError::Throttled => ApiError::Throttled,
            ServiceError::Busy(message) => ApiError::Busy(message),
            ServiceError::Invalid { field, message } => ApiError::InvalidInput(format!("{field}: {message}")),
            ServiceError::Conflict(message) => ApiError::Conflict(message),
            ServiceError::Rejected(problems) => {
                ApiError::InvalidInput(problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))
            }
            other => {
                tracing::error!(error = %other, "internal error in API");
                ApiError::Internal
            }
        }
    }
}
