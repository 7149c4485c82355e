use serde::{Deserialize, Serialize};

use super::Message;
use server_fn::codec::JsonEncoding;
use server_fn::error::{FromServerFnError, ServerFnErrorErr};

/// The error a server function returns to the browser. Typed, so the UI can react to
/// the kind of failure (show the login page, a message by field, …) instead of parsing text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// Not signed in, or the session has expired.
    #[error("not signed in")]
    Unauthenticated,
    /// Signed in, but the role does not allow this.
    #[error("not allowed")]
    Forbidden,
    /// Nothing with that id in this tenant (also the answer for other tenants' ids).
    #[error("not found")]
    NotFound,
    /// Wrong tenant, e-mail or password: one message for all, so accounts can't be enumerated.
    #[error("invalid credentials")]
    InvalidCredentials,
    /// Too many failed logins for this account or address.
    #[error("too many attempts")]
    Throttled,
    /// Input rejected: which field and why.
    #[error("{field}: {}", crate::i18n::message_text(.message, crate::i18n::Locale::En))]
    Invalid { field: String, message: Message },
    /// A document or file with problems, each with where it is; nothing was written.
    #[error("{} problem(s)", .0.len())]
    Rejected(Vec<super::Problem>),
    /// Someone else changed it first (optimistic locking), or it clashes with what exists.
    #[error("{}", crate::i18n::message_text(.0, crate::i18n::Locale::En))]
    Conflict(Message),
    /// Too much of the same work is running; try again later.
    #[error("{}", crate::i18n::message_text(.0, crate::i18n::Locale::En))]
    Busy(Message),
    /// Something went wrong on the server; details are in the server log, not here.
    #[error("internal error")]
    Internal,
    /// The server function machinery failed (network, serialisation).
    #[error("{0}")]
    ServerFn(ServerFnErrorErr),
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        #[cfg(feature = "ssr")]
        if let Some(status) = client_mistake(&value) {
            if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
                response.set_status(status);
            }
            return AppError::Invalid {
                field: "request".to_owned(),
                message: Message::UnreadableRequest {
                    detail: value.to_string(),
                },
            };
        }
        AppError::ServerFn(value)
    }
}

/// On the server, a call whose arguments are missing, malformed or too large is the
/// client's mistake: 400 (413 for a body over the limit), not 500.
#[cfg(feature = "ssr")]
fn client_mistake(err: &ServerFnErrorErr) -> Option<http::StatusCode> {
    match err {
        ServerFnErrorErr::Deserialization(message) if message.contains("length limit exceeded") => {
            Some(http::StatusCode::PAYLOAD_TOO_LARGE)
        }
        ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) | ServerFnErrorErr::Deserialization(_) => {
            Some(http::StatusCode::BAD_REQUEST)
        }
        _ => None,
    }
}
