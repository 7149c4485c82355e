//! `revision` on tenants (their vision and values texts) and councils (name, departments):
//! admins edit both on the organisation page, and a save based on an older revision is a
//! conflict rather than a lost update.

use sea_orm_migration::prelude::*;

use crate::m20261123_000001_create_tenants::Tenants;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Councils {
    Table,
}

#[derive(DeriveIden)]
enum Revision {
    Revision,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One statement per table: SQLite alters one table (and column) at a time.
        for table in [Tenants::Table.into_iden(), Councils::Table.into_iden()] {
            manager
                .alter_table(
                    Table::alter()
                        .table(table)
                        .add_column(ColumnDef::new(Revision::Revision).integer().not_null().default(0))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [Tenants::Table.into_iden(), Councils::Table.into_iden()] {
            manager
                .alter_table(Table::alter().table(table).drop_column(Revision::Revision).to_owned())
                .await?;
        }
        Ok(())
    }
}
