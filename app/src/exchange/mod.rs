//! Moving a tenant's configuration and data in and out as a whole: the versioned
//! [`document::TenantDocument`], the demo seeds read into it, its validation, reading it
//! from and writing it to the database, and the outcome files. Server-only (`ssr`).
//!
//! A leaf below `services`: it knows the database's rows and the document, never who asks.
//! Who may import or export what is decided in `services::tenant_document`.

pub mod document;
mod error;
pub mod export;
pub mod import;
pub mod outcome_file;
pub mod outcomes;
pub mod seed;
pub mod validate;

pub use error::ExchangeError;
pub use import::ImportSummary;

use std::fmt;

use serde::{Deserialize, Serialize};

/// One thing wrong with a document or seed file: where, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    pub location: String,
    pub message: String,
}

impl Problem {
    pub fn new(location: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            location: location.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}
