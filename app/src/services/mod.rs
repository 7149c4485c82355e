//! Business operations: validation, authorisation, transactions. Server functions and REST
//! handlers are thin wrappers around these. Server-only (`ssr` feature).

pub mod assessment;
pub mod assignment_edit;
pub mod auth;
pub mod context;
pub mod demo;
pub mod economy;
mod error;
pub mod file_check;
pub mod follow_up;
pub mod goal_edit;
pub mod history;
pub mod import_jobs;
pub mod indicator_edit;
pub mod indicator_method;
pub mod ledger;
pub mod organisation;
pub mod outcomes;
pub mod plan_decisions;
pub mod plan_sheet;
pub mod plan_view;
pub mod plans;
pub mod rules;
pub mod structure;
pub mod tenant_document;
pub mod tenant_method;
pub mod tenants;
pub mod users;
pub mod validate;
pub mod value_entry;
pub mod verdict_preview;
pub mod versioned_cache;

pub use error::ServiceError;
