//! A JSON body extractor whose rejections are API errors with specific messages.

use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
use serde::de::DeserializeOwned;

use super::error::ApiError;
use app::model::Message;

pub struct ApiJson<T>(pub T);

impl<S, T> FromRequest<S> for ApiJson<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(value)) => Ok(ApiJson(value)),
            // Well-formed JSON of the wrong shape: say which field (serde names it).
            Err(JsonRejection::JsonDataError(e)) => Err(ApiError::Invalid {
                field: "request".to_owned(),
                message: Message::UnreadableRequest { detail: e.body_text() },
            }),
            Err(JsonRejection::JsonSyntaxError(e)) => Err(ApiError::MalformedJson(e.body_text())),
            Err(JsonRejection::MissingJsonContentType(_)) => Err(ApiError::NotJson),
            Err(other) => Err(ApiError::MalformedJson(other.body_text())),
        }
    }
}

impl<T: DeserializeOwned> ApiJson<T> {
    /// Reads `request`'s body as JSON. For handlers that authorise the caller first, so
    /// that a body is neither buffered nor parsed for someone who may not send it (a
    /// refused caller gets 403, not a complaint about the body's shape).
    pub async fn read(request: Request) -> Result<T, ApiError> {
        Self::from_request(request, &()).await.map(|ApiJson(value)| value)
    }
}
