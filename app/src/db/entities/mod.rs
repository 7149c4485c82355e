//! sea-orm entities: the shape of the tables, no logic. See `migrations/` for the schema.

pub mod audit_log;
pub mod council;
pub mod department;
pub mod login_failure;
pub mod platform_admin;
pub mod session;
pub mod tenant;
pub mod user;
