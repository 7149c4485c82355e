//! Manual verdicts (bedömningar): a person's own traffic light for a goal or an indicator at
//! a period, with a written motivation, overriding the computed one (the helhetsbedömning
//! at delår and year end). Each row is about exactly one goal or one indicator, and there
//! is at most one per subject and period; deleting the goal or indicator deletes its
//! verdicts. `revision` carries optimistic locking; every change is also audited.

use sea_orm_migration::prelude::*;

use crate::tenant_owned::{owned_table, reference, revision, unique};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum ManualVerdicts {
    Table,
    PlanId,
    GoalId,
    IndicatorId,
    Period,
    Verdict,
    Motivation,
    GivenBy,
    GivenAt,
}

#[derive(DeriveIden)]
enum Plans {
    Table,
}

#[derive(DeriveIden)]
enum Goals {
    Table,
}

#[derive(DeriveIden)]
enum Indicators {
    Table,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use ManualVerdicts as M;
        manager
            .create_table(
                owned_table(M::Table)
                    .col(ColumnDef::new(M::PlanId).uuid().not_null())
                    .col(ColumnDef::new(M::GoalId).uuid().null())
                    .col(ColumnDef::new(M::IndicatorId).uuid().null())
                    .col(ColumnDef::new(M::Period).string_len(16).not_null())
                    .col(ColumnDef::new(M::Verdict).string_len(16).not_null())
                    .col(ColumnDef::new(M::Motivation).text().not_null())
                    .col(ColumnDef::new(M::GivenBy).string_len(320).not_null())
                    .col(ColumnDef::new(M::GivenAt).timestamp_with_time_zone().not_null())
                    .col(revision())
                    .foreign_key(&mut reference(M::Table, M::PlanId, Plans::Table, true))
                    .foreign_key(&mut reference(M::Table, M::GoalId, Goals::Table, true))
                    .foreign_key(&mut reference(M::Table, M::IndicatorId, Indicators::Table, true))
                    .to_owned(),
            )
            .await?;
        // Rows of the other subject kind hold NULL there, and NULLs never collide.
        for (name, column) in [
            ("ux_manual_verdicts_goal", "goal_id"),
            ("ux_manual_verdicts_indicator", "indicator_id"),
        ] {
            manager
                .create_index(unique(name, M::Table, &["tenant_id", column, "period"]))
                .await?;
        }
        manager
            .create_index(
                Index::create()
                    .name("ix_manual_verdicts_plan")
                    .table(M::Table)
                    .col(Alias::new("tenant_id"))
                    .col(M::PlanId)
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ManualVerdicts::Table).to_owned())
            .await
    }
}
