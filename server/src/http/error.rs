//! The REST layer's error: one status and machine-readable code per failure, and a message
//! in the language of the request's `Accept-Language` (Swedish by default): the response
//! carries the error, and [`localize`] writes its message for the request.

use axum::Json;
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::StatusCode;
use serde::Serialize;

use app::i18n::{Locale, field_message, location_text, message_text, problem_text};
use app::model::{Message, Problem};
use app::services::ServiceError;

#[derive(Debug, Clone, thiserror::Error)]
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
    #[error("{}", message_text(.0, Locale::En))]
    Busy(Message),
    #[error("cross-site request refused")]
    CrossSite,
    #[error("malformed JSON: {0}")]
    MalformedJson(String),
    #[error("expected a JSON body with Content-Type: application/json")]
    NotJson,
    /// A field rejected, with a coded message.
    #[error("{}", field_message(.field, .message, Locale::En))]
    Invalid { field: String, message: Message },
    /// A document or file with problems, each where it is; nothing was written.
    #[error("{} problem(s)", .0.len())]
    Rejected(Vec<Problem>),
    #[error("{}", message_text(.0, Locale::En))]
    Conflict(Message),
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
    /// What went wrong, in the language of `Accept-Language` (Swedish by default).
    pub message: String,
    /// The rejected field, for `invalid_input` from a form's field.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Every problem of a rejected document or file (`invalid_input`), in order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problems: Option<Vec<ProblemDetail>>,
}

/// One problem of a rejected document or file.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ProblemDetail {
    /// Where, in the language of `Accept-Language` (empty for the whole file).
    pub location: String,
    /// Stable machine-readable code of what is wrong, e.g. `not_a_number`.
    pub code: String,
    /// What is wrong, in the language of `Accept-Language`.
    pub message: String,
}

impl ProblemDetail {
    fn of(problem: &Problem, locale: Locale) -> Self {
        ProblemDetail {
            location: location_text(&problem.location, locale),
            code: serde_json::to_value(&problem.message)
                .ok()
                .and_then(|v| v["code"].as_str().map(str::to_owned))
                .unwrap_or_default(),
            message: message_text(&problem.message, locale),
        }
    }
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
            ApiError::Invalid { .. } | ApiError::Rejected(_) => (StatusCode::UNPROCESSABLE_ENTITY, "invalid_input"),
            ApiError::Conflict(_) => (StatusCode::CONFLICT, "conflict"),
            ApiError::TooLarge { .. } => (StatusCode::PAYLOAD_TOO_LARGE, "too_large"),
            ApiError::Internal => (StatusCode::INTERNAL_SERVER_ERROR, "internal"),
        }
    }
}

impl ApiError {
    /// A query parameter that is missing or malformed, with an example of it.
    pub fn missing_query(name: &str, example: &str) -> Self {
        ApiError::Invalid {
            field: name.to_owned(),
            message: Message::MissingQuery {
                name: name.to_owned(),
                example: example.to_owned(),
            },
        }
    }

    /// The message in `locale`.
    pub fn message(&self, locale: Locale) -> String {
        let sv = locale == Locale::Sv;
        let fixed = |swedish: &str, english: &str| if sv { swedish } else { english }.to_owned();
        match self {
            ApiError::Unauthenticated => fixed("logga in först", "sign in first"),
            ApiError::Forbidden => fixed("din roll tillåter inte det här", "your role does not allow this"),
            ApiError::NotFound => fixed("finns inte", "not found"),
            ApiError::NoSuchRoute => fixed("API:et har ingen sådan adress", "no such API route"),
            ApiError::InvalidCredentials => fixed(
                "fel kommun, e-postadress eller lösenord",
                "wrong tenant, e-mail or password",
            ),
            ApiError::Throttled => fixed(
                "för många misslyckade inloggningar; försök igen om 15 minuter",
                "too many failed logins; try again in 15 minutes",
            ),
            ApiError::CrossSite => fixed("anrop från en annan webbplats avvisas", "cross-site request refused"),
            ApiError::NotJson => fixed(
                "skicka JSON med Content-Type: application/json",
                "expected a JSON body with Content-Type: application/json",
            ),
            ApiError::TooLarge { limit_mb } if sv => format!("innehållet är större än {limit_mb} MB"),
            ApiError::TooLarge { limit_mb } => format!("the body is larger than {limit_mb} MB"),
            ApiError::Internal => fixed("internt fel", "internal error"),
            ApiError::Invalid { field, message } => field_message(field, message, locale),
            ApiError::Busy(message) | ApiError::Conflict(message) => message_text(message, locale),
            ApiError::MalformedJson(detail) => {
                message_text(&Message::UnreadableRequest { detail: detail.clone() }, locale)
            }
            ApiError::Rejected(problems) => problems
                .iter()
                .map(|p| problem_text(p, locale))
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }

    fn body(&self, locale: Locale) -> ErrorBody {
        ErrorBody {
            error: ErrorDetail {
                code: self.status_and_code().1,
                message: self.message(locale),
                field: match self {
                    ApiError::Invalid { field, .. } => Some(field.clone()),
                    _ => None,
                },
                problems: match self {
                    ApiError::Rejected(problems) => {
                        Some(problems.iter().map(|p| ProblemDetail::of(p, locale)).collect())
                    }
                    _ => None,
                },
            },
        }
    }
}

impl IntoResponse for ApiError {
    /// In Swedish; [`localize`] rewrites it for a request that asks for English.
    fn into_response(self) -> Response {
        let status = self.status_and_code().0;
        let mut response = (status, Json(self.body(Locale::Sv))).into_response();
        response.extensions_mut().insert(self);
        response
    }
}

/// Writes an API error's message in the language the request asks for.
/// Only error responses pay for reading the header.
pub async fn localize(request: Request, next: Next) -> Response {
    let asked = request.headers().get(http::header::ACCEPT_LANGUAGE).cloned();
    let response = next.run(request).await;
    let Some(error) = response.extensions().get::<ApiError>() else {
        return response;
    };
    match super::context::accept_language(asked.as_ref()) {
        Locale::Sv => response,
        locale => {
            let body = error.body(locale);
            let (mut parts, _) = response.into_parts();
            parts.headers.remove(http::header::CONTENT_LENGTH);
            let json = serde_json::to_vec(&body).unwrap_or_default();
            Response::from_parts(parts, axum::body::Body::from(json))
        }
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
            ServiceError::Invalid { field, message } => ApiError::Invalid {
                field: field.to_owned(),
                message,
            },
            ServiceError::Conflict(message) => ApiError::Conflict(message),
            ServiceError::Rejected(problems) => ApiError::Rejected(problems),
            other => {
                tracing::error!(error = %other, "internal error in API");
                ApiError::Internal
            }
        }
    }
}
