//! Queries and writes, one module per aggregate. Tenant-owned data is always reached
//! through a [`TenantScope`](super::TenantScope).

pub mod assignments;
pub mod audit;
pub mod councils;
pub mod economy;
pub mod goals;
pub mod import_jobs;
pub mod indicators;
pub mod ledger;
pub mod levels;
pub mod login_failures;
pub mod manual_verdicts;
pub mod plans;
pub mod platform_admins;
pub mod rows;
pub mod sessions;
pub mod tenants;
pub mod users;

/// The row `id` of the scope's tenant, if it is still at `revision`: the filter of every
/// optimistic-locking write. `columns` are the table's (tenant id, id, revision) columns.
fn at_revision<C: sea_orm::ColumnTrait>(
    columns: (C, C, C),
    scope: super::TenantScope,
    id: impl Into<sea_orm::Value>,
    revision: i32,
) -> sea_orm::Condition {
    let (tenant_column, id_column, revision_column) = columns;
    sea_orm::Condition::all()
        .add(tenant_column.eq(scope.tenant_id()))
        .add(id_column.eq(id))
        .add(revision_column.eq(revision))
}
