use sea_orm_migration::prelude::*;

use crate::m20261123_000001_create_tenants::Tenants;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Councils::Table)
                    .col(ColumnDef::new(Councils::TenantId).uuid().not_null())
                    .col(ColumnDef::new(Councils::Id).uuid().not_null())
                    .col(ColumnDef::new(Councils::Slug).string_len(63).not_null())
                    .col(ColumnDef::new(Councils::Name).string_len(200).not_null())
                    .col(ColumnDef::new(Councils::SortOrder).integer().not_null().default(0))
                    .primary_key(Index::create().col(Councils::TenantId).col(Councils::Id))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Councils::Table, Councils::TenantId)
                            .to(Tenants::Table, Tenants::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_councils_tenant_slug")
                    .table(Councils::Table)
                    .col(Councils::TenantId)
                    .col(Councils::Slug)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Departments::Table)
                    .col(ColumnDef::new(Departments::TenantId).uuid().not_null())
                    .col(ColumnDef::new(Departments::Id).uuid().not_null())
                    .col(ColumnDef::new(Departments::CouncilId).uuid().not_null())
                    .col(ColumnDef::new(Departments::Name).string_len(200).not_null())
                    .col(ColumnDef::new(Departments::SortOrder).integer().not_null().default(0))
                    .primary_key(Index::create().col(Departments::TenantId).col(Departments::Id))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Departments::Table, (Departments::TenantId, Departments::CouncilId))
                            .to(Councils::Table, (Councils::TenantId, Councils::Id))
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_departments_council_name")
                    .table(Departments::Table)
                    .col(Departments::TenantId)
                    .col(Departments::CouncilId)
                    .col(Departments::Name)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Departments::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Councils::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Councils {
    Table,
    TenantId,
    Id,
    Slug,
    Name,
    SortOrder,
}

#[derive(DeriveIden)]
enum Departments {
    Table,
    TenantId,
    Id,
    CouncilId,
    Name,
    SortOrder,
}
