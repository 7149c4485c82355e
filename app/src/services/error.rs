use sea_orm::DbErr;

use crate::model::{AppError, Message, Thing};

/// Why a service call failed. The HTTP layer maps each variant to a status and code;
/// server functions map them to [`AppError`].
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    #[error("not signed in")]
    Unauthenticated,
    #[error("the role does not allow this")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("invalid credentials")]
    InvalidCredentials,
    #[error("too many failed logins")]
    Throttled,
    /// Too much of some work is already running for this tenant; try again later.
    #[error("busy: {}", english(.0))]
    Busy(Message),
    #[error("{field}: {}", english(.message))]
    Invalid { field: &'static str, message: Message },
    #[error("conflict: {}", english(.0))]
    Conflict(Message),
    #[error("password hashing failed: {0}")]
    PasswordHash(String),
    #[error("background task failed: {0}")]
    Task(String),
    /// A document or file with problems; nothing was written.
    #[error("{} problem(s), the first: {}", .0.len(), .0.first().map(ToString::to_string).unwrap_or_default())]
    Rejected(Vec<crate::exchange::Problem>),
    #[error("stored data is inconsistent: {0}")]
    Corrupt(String),
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// A message in English, for logs and the command line.
fn english(message: &Message) -> String {
    crate::i18n::message_text(message, crate::i18n::Locale::En)
}

impl From<crate::exchange::ExchangeError> for ServiceError {
    fn from(err: crate::exchange::ExchangeError) -> Self {
        use crate::exchange::ExchangeError as E;
        match err {
            E::NoTenant => ServiceError::NotFound,
            E::Invalid { field, message } => ServiceError::invalid(field, message),
            E::Corrupt(what) => ServiceError::Corrupt(what),
            E::Db(err) => ServiceError::Db(err),
        }
    }
}

impl ServiceError {
    pub fn conflict(message: Message) -> Self {
        ServiceError::Conflict(message)
    }

    pub fn busy(message: Message) -> Self {
        ServiceError::Busy(message)
    }

    pub fn invalid(field: &'static str, message: Message) -> Self {
        ServiceError::Invalid { field, message }
    }

    /// Someone else changed `what` since the page was opened.
    pub fn stale(what: Thing, name: Option<&str>) -> Self {
        ServiceError::Conflict(Message::Stale {
            what,
            name: name.map(str::to_owned),
        })
    }
}

impl From<ServiceError> for AppError {
    fn from(err: ServiceError) -> Self {
        match err {
            ServiceError::Unauthenticated => AppError::Unauthenticated,
            ServiceError::Forbidden => AppError::Forbidden,
            ServiceError::NotFound => AppError::NotFound,
            ServiceError::InvalidCredentials => AppError::InvalidCredentials,
            ServiceError::Throttled => AppError::Throttled,
            ServiceError::Invalid { field, message } => AppError::Invalid {
                field: field.to_owned(),
                message,
            },
            ServiceError::Rejected(problems) => AppError::Rejected(problems),
            ServiceError::Conflict(message) => AppError::Conflict(message),
            ServiceError::Busy(message) => AppError::Busy(message),
            other => {
                tracing::error!(error = %other, "service error");
                AppError::Internal
            }
        }
    }
}
