//! How verdicts are reached, as data (the assessment engine's configuration):
//! `tenants.indicator_method` (the tenant's default method for indicators),
//! `goal_levels.rule` (the default rule for goals of a level), `goals.rule` and
//! `indicators.method` (a goal's or an indicator's own). Each is JSON, absent when the next
//! more general setting applies.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Tenants {
    Table,
    IndicatorMethod,
}

#[derive(DeriveIden)]
enum GoalLevels {
    Table,
    Rule,
}

#[derive(DeriveIden)]
enum Goals {
    Table,
    Rule,
}

#[derive(DeriveIden)]
enum Indicators {
    Table,
    Method,
}

fn columns() -> [(DynIden, DynIden); 4] {
    [
        (Tenants::Table.into_iden(), Tenants::IndicatorMethod.into_iden()),
        (GoalLevels::Table.into_iden(), GoalLevels::Rule.into_iden()),
        (Goals::Table.into_iden(), Goals::Rule.into_iden()),
        (Indicators::Table.into_iden(), Indicators::Method.into_iden()),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one column at a time.
        for (table, column) in columns() {
            manager
                .alter_table(
                    Table::alter()
                        .table(table)
                        .add_column(ColumnDef::new(column).text().null())
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (table, column) in columns() {
            manager
                .alter_table(Table::alter().table(table).drop_column(column).to_owned())
                .await?;
        }
        Ok(())
    }
}
