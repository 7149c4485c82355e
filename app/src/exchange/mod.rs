//! Moving a tenant's configuration and data in and out as a whole: the versioned
//! [`document::TenantDocument`], the demo seeds read into it, its validation, reading it
//! from and writing it to the database, and the outcome files. Server-only (`ssr`).
//!
//! A leaf below `services`: it knows the database's rows and the document, never who asks.
//! Who may import or export what is decided in `services::tenant_document`.

pub mod document;
pub mod economy;
mod error;
pub mod export;
pub mod import;
pub mod ledger;
pub mod links;
pub mod outcome_file;
pub mod outcomes;
pub mod seed;
pub mod validate;

pub use error::ExchangeError;
pub use import::ImportSummary;

/// One thing wrong with a document or file: where, and why (shared with the browser).
pub use crate::model::Problem;
