//! Business operations: validation, authorisation, transactions. Server functions and REST
//! handlers are thin wrappers around these. Server-only (`ssr` feature).

pub mod auth;
pub mod demo;
mod error;
pub mod tenants;
pub mod users;
pub mod validate;

pub use error::ServiceError;
