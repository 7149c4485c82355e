use crate::model::Message;

/// Why reading or writing a tenant document failed. Services turn it into their own error.
#[derive(Debug, thiserror::Error)]
pub enum ExchangeError {
    /// The tenant being exported does not exist.
    #[error("no such tenant")]
    NoTenant,
    /// A validated document refers to something the tenant does not have.
    #[error("{field}: {}", crate::i18n::message_text(.message, crate::i18n::Locale::En))]
    Invalid { field: &'static str, message: Message },
    /// Stored rows that cannot be read back as a document.
    #[error("stored data is inconsistent: {0}")]
    Corrupt(String),
    #[error(transparent)]
    Db(#[from] sea_orm::DbErr),
}

impl ExchangeError {
    pub fn invalid(field: &'static str, message: Message) -> Self {
        ExchangeError::Invalid { field, message }
    }
}
