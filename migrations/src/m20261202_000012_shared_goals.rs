//! Goals shared across plans, and structures as municipalities have them:
//! - `councils.municipal`: the body whose plans hold the municipality's own goals
//!   (kommunfullmäktige's "Mål och budget"), which every council's goals may contribute to;
//! - `goal_links`: a goal contributing to a goal of a municipal plan, directly or
//!   indirectly (`kind`), several per goal, in order; deleting either goal deletes the link;
//! - `goal_levels.grouping`: a level whose goals group others (perspectives) and are not
//!   assessed;
//! - `plans.kind`: the plan's type as the tenant names it (verksamhetsplan, uppdragsplan, …).

use sea_orm_migration::prelude::*;

use crate::tenant_owned::{owned_table, position, reference, unique};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum GoalLinks {
    Table,
    GoalId,
    TargetGoalId,
    Kind,
}

#[derive(DeriveIden)]
enum Goals {
    Table,
}

#[derive(DeriveIden)]
enum Councils {
    Table,
    Municipal,
}

#[derive(DeriveIden)]
enum GoalLevels {
    Table,
    Grouping,
}

#[derive(DeriveIden)]
enum Plans {
    Table,
    Kind,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use GoalLinks as L;
        manager
            .create_table(
                owned_table(L::Table)
                    .col(ColumnDef::new(L::GoalId).uuid().not_null())
                    .col(ColumnDef::new(L::TargetGoalId).uuid().not_null())
                    .col(ColumnDef::new(L::Kind).string_len(16).not_null())
                    .col(position())
                    .foreign_key(&mut reference(L::Table, L::GoalId, Goals::Table, true))
                    .foreign_key(&mut reference(L::Table, L::TargetGoalId, Goals::Table, true))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(unique(
                "ux_goal_links",
                L::Table,
                &["tenant_id", "goal_id", "target_goal_id"],
            ))
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_goal_links_target")
                    .table(L::Table)
                    .col(Alias::new("tenant_id"))
                    .col(L::TargetGoalId)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Councils::Table)
                    .add_column(ColumnDef::new(Councils::Municipal).boolean().not_null().default(false))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(GoalLevels::Table)
                    .add_column(ColumnDef::new(GoalLevels::Grouping).boolean().not_null().default(false))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Plans::Table)
                    .add_column(ColumnDef::new(Plans::Kind).string_len(100).null())
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(GoalLinks::Table).to_owned())
            .await?;
        for (table, column) in [
            (Councils::Table.into_iden(), Councils::Municipal.into_iden()),
            (GoalLevels::Table.into_iden(), GoalLevels::Grouping.into_iden()),
            (Plans::Table.into_iden(), Plans::Kind.into_iden()),
        ] {
            manager
                .alter_table(Table::alter().table(table).drop_column(column).to_owned())
                .await?;
        }
        Ok(())
    }
}
