//! `goal_levels.assignment_inputs`: whether the uppdrag and initiativ of a level's goals
//! count as inputs of the goals' verdicts (their status and forecast as a traffic light),
//! as the tenant says. Off unless set.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum GoalLevels {
    Table,
    AssignmentInputs,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(GoalLevels::Table)
                    .add_column(
                        ColumnDef::new(GoalLevels::AssignmentInputs)
                            .boolean()
                            .not_null()
                            .default(false),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(GoalLevels::Table)
                    .drop_column(GoalLevels::AssignmentInputs)
                    .to_owned(),
            )
            .await
    }
}
