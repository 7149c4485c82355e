//! The monthly follow-up of councils' economies:
//! - `ledger_outcomes`: a council's outcome per month, unit (a department or a verksamhet,
//!   by name) and account class (income or cost), in kronor as exact decimal text, summed
//!   from the ledger rows of an import (`rows`: how many); an import replaces every month
//!   of every council its file covers;
//! - `economy_forecasts`: full-year forecasts made at a month, each with its method, the
//!   amount in kronor, a comment, who made it and when; kept, never overwritten;
//! - `import_jobs.kind`: what a background import imports (`outcomes` or `ledger`).

use sea_orm_migration::prelude::*;

use crate::tenant_owned::{owned_table, reference, unique};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum LedgerOutcomes {
    Table,
    CouncilId,
    Year,
    Month,
    UnitKind,
    Unit,
    Class,
    Amount,
    Rows,
    ImportedBy,
    ImportedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum EconomyForecasts {
    Table,
    CouncilId,
    Year,
    Month,
    UnitKind,
    Unit,
    Method,
    Amount,
    Comment,
    MadeBy,
    MadeAt,
}

#[derive(DeriveIden)]
enum Councils {
    Table,
}

#[derive(DeriveIden)]
enum ImportJobs {
    Table,
    Kind,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use LedgerOutcomes as L;
        manager
            .create_table(
                owned_table(L::Table)
                    .col(ColumnDef::new(L::CouncilId).uuid().not_null())
                    .col(ColumnDef::new(L::Year).integer().not_null())
                    .col(ColumnDef::new(L::Month).small_integer().not_null())
                    .col(ColumnDef::new(L::UnitKind).string_len(16).not_null())
                    .col(ColumnDef::new(L::Unit).string_len(200).not_null())
                    .col(ColumnDef::new(L::Class).string_len(8).not_null())
                    .col(ColumnDef::new(L::Amount).string_len(64).not_null())
                    .col(ColumnDef::new(L::Rows).big_integer().not_null())
                    .col(ColumnDef::new(L::ImportedBy).string_len(320).not_null())
                    .col(ColumnDef::new(L::ImportedAt).timestamp_with_time_zone().not_null())
                    .foreign_key(&mut reference(L::Table, L::CouncilId, Councils::Table, true))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(unique(
                "ux_ledger_outcomes_cell",
                L::Table,
                &["tenant_id", "council_id", "year", "month", "unit_kind", "unit", "class"],
            ))
            .await?;
        use EconomyForecasts as F;
        manager
            .create_table(
                owned_table(F::Table)
                    .col(ColumnDef::new(F::CouncilId).uuid().not_null())
                    .col(ColumnDef::new(F::Year).integer().not_null())
                    .col(ColumnDef::new(F::Month).small_integer().not_null())
                    .col(ColumnDef::new(F::UnitKind).string_len(16).not_null())
                    .col(ColumnDef::new(F::Unit).string_len(200).not_null())
                    .col(ColumnDef::new(F::Method).string_len(16).not_null())
                    .col(ColumnDef::new(F::Amount).string_len(64).not_null())
                    .col(ColumnDef::new(F::Comment).text().not_null())
                    .col(ColumnDef::new(F::MadeBy).string_len(320).not_null())
                    .col(ColumnDef::new(F::MadeAt).timestamp_with_time_zone().not_null())
                    .foreign_key(&mut reference(F::Table, F::CouncilId, Councils::Table, true))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_economy_forecasts_year")
                    .table(F::Table)
                    .col(Alias::new("tenant_id"))
                    .col(F::CouncilId)
                    .col(F::Year)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(ImportJobs::Table)
                    .add_column(
                        ColumnDef::new(ImportJobs::Kind)
                            .string_len(16)
                            .not_null()
                            .default("outcomes"),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [LedgerOutcomes::Table.into_iden(), EconomyForecasts::Table.into_iden()] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(ImportJobs::Table)
                    .drop_column(ImportJobs::Kind)
                    .to_owned(),
            )
            .await
    }
}
