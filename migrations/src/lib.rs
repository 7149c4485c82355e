//! Database schema, one migration per file, named by date and intent.
//! A migration that has landed is never edited: add a new one.
//!
//! Every tenant-owned table carries `tenant_id` and its primary key leads with it,
//! so a distributed Postgres (e.g. Citus) can shard every such table by tenant.

pub use sea_orm_migration::prelude::*;

mod m20261123_000001_create_tenants;
mod m20261123_000002_create_councils_departments;
mod m20261123_000003_create_users_sessions;
mod m20261123_000004_create_audit_log;
mod m20261123_000005_create_plans;
mod m20261124_000006_tenant_data_version;
mod m20261125_000007_organisation_revisions;
mod m20261125_000008_assessment_config;
mod m20261125_000009_manual_verdicts;
mod m20261125_000010_level_assignment_inputs;
mod m20261201_000011_import_jobs;
mod m20261202_000012_shared_goals;
mod m20261203_000013_economy;
mod m20261207_000014_ledger;
mod tenant_owned;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261123_000001_create_tenants::Migration),
            Box::new(m20261123_000002_create_councils_departments::Migration),
            Box::new(m20261123_000003_create_users_sessions::Migration),
            Box::new(m20261123_000004_create_audit_log::Migration),
            Box::new(m20261123_000005_create_plans::Migration),
            Box::new(m20261124_000006_tenant_data_version::Migration),
            Box::new(m20261125_000007_organisation_revisions::Migration),
            Box::new(m20261125_000008_assessment_config::Migration),
            Box::new(m20261125_000009_manual_verdicts::Migration),
            Box::new(m20261125_000010_level_assignment_inputs::Migration),
            Box::new(m20261201_000011_import_jobs::Migration),
            Box::new(m20261202_000012_shared_goals::Migration),
            Box::new(m20261203_000013_economy::Migration),
            Box::new(m20261207_000014_ledger::Migration),
        ]
    }
}
