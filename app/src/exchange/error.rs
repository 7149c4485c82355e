/// Why reading or writing a tenant document failed. Services turn it into their own error.
#[derive(Debug, thiserror::Error)]
pub enum ExchangeError {
    /// The tenant being exported does not exist.
    #[error("no such tenant")]
    NoTenant,
    /// A validated document refers to something the tenant does not have.
    #[error("{field}: {message}")]
    Invalid { field: &'static str, message: String },
    /// Stored rows that cannot be read back as a document.
    #[error("stored data is inconsistent: {0}")]
    Corrupt(String),
    #[error(transparent)]
    Db(#[from] sea_orm::DbErr),
}

impl ExchangeError {
    pub fn invalid(field: &'static str, message: impl Into<String>) -> Self {
        ExchangeError::Invalid {
            field,
            message: message.into(),
        }
    }
}
