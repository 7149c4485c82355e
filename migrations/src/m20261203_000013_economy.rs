//! Councils' economies:
//! - `economy_tables`: a council's published tables (driftbudget, per verksamhet or
//!   avdelning, ekonomiska förändringar, investeringar, volymer, à-priser, driftredovisning,
//!   monthly series, placements), each with its kind, title, source, the unit its figures
//!   are printed in, and `content`: JSON of its columns and rows, every figure an exact
//!   decimal as published (kronor = figure × unit);
//! - `action_plans`: a council's action plans for an economy in balance, `content` JSON of
//!   the plan and its measures;
//! - `tenants.money_unit`: the unit the tenant shows money in (`tkr`, `mnkr`, `kr`);
//! - `indicators.economy`: where an indicator takes its values from the council's economy
//!   instead of entry (`budget_adherence`).

use sea_orm_migration::prelude::*;

use crate::tenant_owned::{owned_table, position, reference, revision, unique};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum EconomyTables {
    Table,
    CouncilId,
    Key,
    Kind,
    Title,
    Source,
    Unit,
    Content,
}

#[derive(DeriveIden, Clone, Copy)]
enum ActionPlans {
    Table,
    CouncilId,
    Key,
    Content,
}

#[derive(DeriveIden)]
enum Councils {
    Table,
}

#[derive(DeriveIden)]
enum Tenants {
    Table,
    MoneyUnit,
}

#[derive(DeriveIden)]
enum Indicators {
    Table,
    Economy,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use EconomyTables as E;
        manager
            .create_table(
                owned_table(E::Table)
                    .col(ColumnDef::new(E::CouncilId).uuid().not_null())
                    .col(ColumnDef::new(E::Key).string_len(63).not_null())
                    .col(ColumnDef::new(E::Kind).string_len(16).not_null())
                    .col(ColumnDef::new(E::Title).text().not_null())
                    .col(ColumnDef::new(E::Source).text().not_null())
                    .col(ColumnDef::new(E::Unit).string_len(8).not_null())
                    .col(ColumnDef::new(E::Content).text().not_null())
                    .col(position())
                    .col(revision())
                    .foreign_key(&mut reference(E::Table, E::CouncilId, Councils::Table, true))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(unique(
                "ux_economy_tables_key",
                E::Table,
                &["tenant_id", "council_id", "key"],
            ))
            .await?;
        use ActionPlans as A;
        manager
            .create_table(
                owned_table(A::Table)
                    .col(ColumnDef::new(A::CouncilId).uuid().not_null())
                    .col(ColumnDef::new(A::Key).string_len(63).not_null())
                    .col(ColumnDef::new(A::Content).text().not_null())
                    .col(position())
                    .col(revision())
                    .foreign_key(&mut reference(A::Table, A::CouncilId, Councils::Table, true))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(unique(
                "ux_action_plans_key",
                A::Table,
                &["tenant_id", "council_id", "key"],
            ))
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Tenants::Table)
                    .add_column(ColumnDef::new(Tenants::MoneyUnit).string_len(8).null())
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Indicators::Table)
                    .add_column(ColumnDef::new(Indicators::Economy).string_len(32).null())
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [EconomyTables::Table.into_iden(), ActionPlans::Table.into_iden()] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Indicators::Table)
                    .drop_column(Indicators::Economy)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Tenants::Table)
                    .drop_column(Tenants::MoneyUnit)
                    .to_owned(),
            )
            .await
    }
}
