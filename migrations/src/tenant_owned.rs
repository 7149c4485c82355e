//! Shapes shared by the tenant-owned tables of later migrations. Changing these changes
//! only migrations that have not landed yet: a landed migration's schema is fixed.

use sea_orm_migration::prelude::*;

use crate::m20261123_000001_create_tenants::Tenants;

/// A tenant-owned table: `tenant_id` and `id`, primary key `(tenant_id, id)`, cascading
/// from the tenant.
pub fn owned_table(table: impl IntoIden + Copy + 'static) -> TableCreateStatement {
    Table::create()
        .table(table)
        .col(ColumnDef::new(Alias::new("tenant_id")).uuid().not_null())
        .col(ColumnDef::new(Alias::new("id")).uuid().not_null())
        .primary_key(Index::create().col(Alias::new("tenant_id")).col(Alias::new("id")))
        .foreign_key(
            ForeignKey::create()
                .from(table, Alias::new("tenant_id"))
                .to(Tenants::Table, Tenants::Id)
                .on_delete(ForeignKeyAction::Cascade),
        )
        .to_owned()
}

/// A reference to another tenant-owned row, always through `(tenant_id, column)`.
pub fn reference(
    from: impl IntoIden + 'static,
    column: impl IntoIden,
    to: impl IntoIden + 'static,
    cascade: bool,
) -> ForeignKeyCreateStatement {
    let mut fk = ForeignKey::create()
        .from(from, (Alias::new("tenant_id").into_iden(), column.into_iden()))
        .to(to, (Alias::new("tenant_id"), Alias::new("id")))
        .to_owned();
    if cascade {
        fk.on_delete(ForeignKeyAction::Cascade);
    }
    fk
}

pub fn revision() -> ColumnDef {
    ColumnDef::new(Alias::new("revision"))
        .integer()
        .not_null()
        .default(1)
        .to_owned()
}

pub fn position() -> ColumnDef {
    ColumnDef::new(Alias::new("position"))
        .integer()
        .not_null()
        .default(0)
        .to_owned()
}

pub fn unique(name: &str, table: impl IntoIden + 'static, cols: &[&str]) -> IndexCreateStatement {
    let mut index = Index::create().name(name).table(table).unique().to_owned();
    for col in cols {
        index.col(Alias::new(*col));
    }
    index
}
