//! Queries and writes, one module per aggregate. Tenant-owned data is always reached
//! through a [`TenantScope`](super::TenantScope).

pub mod assignments;
pub mod audit;
pub mod councils;
pub mod goals;
pub mod indicators;
pub mod levels;
pub mod login_failures;
pub mod plans;
pub mod platform_admins;
pub mod rows;
pub mod sessions;
pub mod tenants;
pub mod users;
