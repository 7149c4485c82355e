//! `tenants.data_version`: bumped in the same transaction as every write to a tenant's
//! configuration or plan data, so read models built from that data (the tenant home, the
//! council page) can be cached and known to be current by comparing one number.

use sea_orm_migration::prelude::*;

use crate::m20261123_000001_create_tenants::Tenants;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Tenants::Table)
                    .add_column(
                        ColumnDef::new(DataVersion::DataVersion)
                            .big_integer()
                            .not_null()
                            .default(0),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Tenants::Table)
                    .drop_column(DataVersion::DataVersion)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum DataVersion {
    DataVersion,
}
