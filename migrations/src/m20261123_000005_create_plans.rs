//! Plans and everything they hold: the tenant's goal levels, plans with adopted versions,
//! goals, indicators with targets and values, uppdrag/initiativ with comments, fokusområden
//! and målaktiviteter.
//!
//! Decimal values are stored as canonical text (`"-4.1"`): SQLite has no exact decimal
//! type, and one schema serves both databases. Texts that are lists (a goal's sections,
//! footnotes) are JSON text. `revision` columns carry optimistic locking.

use sea_orm_migration::prelude::*;

use crate::m20261123_000001_create_tenants::Tenants;
use crate::tenant_owned::{owned_table, position, reference, revision, unique};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite alters one column per statement.
        for column in [TenantTexts::VisionTitle, TenantTexts::Vision, TenantTexts::Values] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Tenants::Table)
                        .add_column(ColumnDef::new(column).text().null())
                        .to_owned(),
                )
                .await?;
        }

        manager
            .create_table(
                owned_table(GoalLevels::Table)
                    .col(position())
                    .col(ColumnDef::new(GoalLevels::Key).string_len(63).not_null())
                    .col(ColumnDef::new(GoalLevels::Name).string_len(100).not_null())
                    .col(ColumnDef::new(GoalLevels::Plural).string_len(100).not_null())
                    .col(ColumnDef::new(GoalLevels::Numbering).string_len(16).not_null())
                    .col(ColumnDef::new(GoalLevels::Sections).text().not_null())
                    .col(ColumnDef::new(GoalLevels::Carries).text().not_null())
                    .col(revision())
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(unique("ux_goal_levels_key", GoalLevels::Table, &["tenant_id", "key"]))
            .await?;

        manager
            .create_table(
                owned_table(Plans::Table)
                    .col(ColumnDef::new(Plans::CouncilId).uuid().not_null())
                    .col(ColumnDef::new(Plans::Name).string_len(200).not_null())
                    .col(ColumnDef::new(Plans::FirstYear).integer().not_null())
                    .col(ColumnDef::new(Plans::LastYear).integer().not_null())
                    .col(ColumnDef::new(Plans::Status).string_len(16).not_null())
                    .col(ColumnDef::new(Plans::Version).integer().not_null())
                    .col(ColumnDef::new(Plans::Sections).text().not_null())
                    .col(revision())
                    .col(ColumnDef::new(Plans::CreatedAt).timestamp_with_time_zone().not_null())
                    .foreign_key(&mut reference(Plans::Table, Plans::CouncilId, Councils::Table, true))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(PlanVersions::Table)
                    .col(ColumnDef::new(PlanVersions::TenantId).uuid().not_null())
                    .col(ColumnDef::new(PlanVersions::PlanId).uuid().not_null())
                    .col(ColumnDef::new(PlanVersions::Version).integer().not_null())
                    .col(ColumnDef::new(PlanVersions::DecisionDate).date().not_null())
                    .col(ColumnDef::new(PlanVersions::DecisionBody).string_len(200).not_null())
                    .col(
                        ColumnDef::new(PlanVersions::DecisionParagraph)
                            .string_len(100)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(PlanVersions::AdoptedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(ColumnDef::new(PlanVersions::AdoptedBy).string_len(254).not_null())
                    .col(ColumnDef::new(PlanVersions::Snapshot).text().not_null())
                    .primary_key(
                        Index::create()
                            .col(PlanVersions::TenantId)
                            .col(PlanVersions::PlanId)
                            .col(PlanVersions::Version),
                    )
                    .foreign_key(&mut reference(
                        PlanVersions::Table,
                        PlanVersions::PlanId,
                        Plans::Table,
                        true,
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                owned_table(Goals::Table)
                    .col(ColumnDef::new(Goals::PlanId).uuid().not_null())
                    .col(ColumnDef::new(Goals::ParentId).uuid().null())
                    .col(ColumnDef::new(Goals::LevelId).uuid().not_null())
                    .col(position())
                    .col(ColumnDef::new(Goals::Code).string_len(63).not_null())
                    .col(ColumnDef::new(Goals::Number).string_len(20).not_null())
                    .col(ColumnDef::new(Goals::Title).string_len(500).not_null())
                    .col(ColumnDef::new(Goals::Sections).text().not_null())
                    .col(revision())
                    .foreign_key(&mut reference(Goals::Table, Goals::PlanId, Plans::Table, true))
                    .foreign_key(&mut reference(Goals::Table, Goals::ParentId, Goals::Table, true))
                    .foreign_key(&mut reference(Goals::Table, Goals::LevelId, GoalLevels::Table, false))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(unique(
                "ux_goals_plan_code",
                Goals::Table,
                &["tenant_id", "plan_id", "code"],
            ))
            .await?;

        manager
            .create_table(
                owned_table(Indicators::Table)
                    .col(ColumnDef::new(Indicators::PlanId).uuid().not_null())
                    .col(ColumnDef::new(Indicators::GoalId).uuid().not_null())
                    .col(position())
                    .col(ColumnDef::new(Indicators::Code).string_len(63).not_null())
                    .col(ColumnDef::new(Indicators::Name).string_len(500).not_null())
                    .col(ColumnDef::new(Indicators::Definition).text().not_null())
                    .col(ColumnDef::new(Indicators::Kind).string_len(16).not_null())
                    .col(ColumnDef::new(Indicators::Unit).string_len(16).not_null())
                    .col(ColumnDef::new(Indicators::Decimals).integer().not_null())
                    .col(ColumnDef::new(Indicators::Direction).string_len(16).not_null())
                    .col(ColumnDef::new(Indicators::Periodicity).string_len(16).not_null())
                    .col(ColumnDef::new(Indicators::Cumulative).boolean().not_null())
                    .col(ColumnDef::new(Indicators::DepartmentId).uuid().null())
                    .col(ColumnDef::new(Indicators::Source).string_len(500).null())
                    .col(ColumnDef::new(Indicators::Kolada).string_len(20).null())
                    .col(ColumnDef::new(Indicators::BaselineValue).string_len(500).null())
                    .col(ColumnDef::new(Indicators::BaselineLabel).string_len(200).null())
                    .col(ColumnDef::new(Indicators::Footnotes).text().not_null())
                    .col(revision())
                    .foreign_key(&mut reference(
                        Indicators::Table,
                        Indicators::PlanId,
                        Plans::Table,
                        true,
                    ))
                    .foreign_key(&mut reference(
                        Indicators::Table,
                        Indicators::GoalId,
                        Goals::Table,
                        true,
                    ))
                    .foreign_key(&mut reference(
                        Indicators::Table,
                        Indicators::DepartmentId,
                        Departments::Table,
                        false,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(unique("ux_indicators_code", Indicators::Table, &["tenant_id", "code"]))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(IndicatorTargets::Table)
                    .col(ColumnDef::new(IndicatorTargets::TenantId).uuid().not_null())
                    .col(ColumnDef::new(IndicatorTargets::IndicatorId).uuid().not_null())
                    .col(ColumnDef::new(IndicatorTargets::Year).integer().not_null())
                    .col(ColumnDef::new(IndicatorTargets::Target).text().not_null())
                    .col(ColumnDef::new(IndicatorTargets::Label).string_len(200).null())
                    .primary_key(
                        Index::create()
                            .col(IndicatorTargets::TenantId)
                            .col(IndicatorTargets::IndicatorId)
                            .col(IndicatorTargets::Year),
                    )
                    .foreign_key(&mut reference(
                        IndicatorTargets::Table,
                        IndicatorTargets::IndicatorId,
                        Indicators::Table,
                        true,
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(IndicatorValues::Table)
                    .col(ColumnDef::new(IndicatorValues::TenantId).uuid().not_null())
                    .col(ColumnDef::new(IndicatorValues::IndicatorId).uuid().not_null())
                    .col(ColumnDef::new(IndicatorValues::Period).string_len(7).not_null())
                    .col(ColumnDef::new(IndicatorValues::Kind).string_len(8).not_null())
                    .col(ColumnDef::new(IndicatorValues::Gender).string_len(1).not_null())
                    .col(ColumnDef::new(IndicatorValues::Value).string_len(40).not_null())
                    .col(ColumnDef::new(IndicatorValues::Comment).text().null())
                    .col(
                        ColumnDef::new(IndicatorValues::UpdatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(ColumnDef::new(IndicatorValues::UpdatedBy).string_len(254).not_null())
                    .primary_key(
                        Index::create()
                            .col(IndicatorValues::TenantId)
                            .col(IndicatorValues::IndicatorId)
                            .col(IndicatorValues::Period)
                            .col(IndicatorValues::Kind)
                            .col(IndicatorValues::Gender),
                    )
                    .foreign_key(&mut reference(
                        IndicatorValues::Table,
                        IndicatorValues::IndicatorId,
                        Indicators::Table,
                        true,
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                owned_table(Assignments::Table)
                    .col(ColumnDef::new(Assignments::PlanId).uuid().not_null())
                    .col(ColumnDef::new(Assignments::GoalId).uuid().null())
                    .col(position())
                    .col(ColumnDef::new(Assignments::Kind).string_len(16).not_null())
                    .col(ColumnDef::new(Assignments::Title).string_len(1000).not_null())
                    .col(ColumnDef::new(Assignments::DepartmentId).uuid().null())
                    .col(ColumnDef::new(Assignments::IsNew).boolean().null())
                    .col(ColumnDef::new(Assignments::EndDate).date().null())
                    .col(ColumnDef::new(Assignments::DecisionBody).string_len(200).null())
                    .col(ColumnDef::new(Assignments::Status).string_len(16).null())
                    .col(ColumnDef::new(Assignments::Forecast).string_len(16).null())
                    .col(revision())
                    .foreign_key(&mut reference(
                        Assignments::Table,
                        Assignments::PlanId,
                        Plans::Table,
                        true,
                    ))
                    .foreign_key(&mut reference(
                        Assignments::Table,
                        Assignments::GoalId,
                        Goals::Table,
                        false,
                    ))
                    .foreign_key(&mut reference(
                        Assignments::Table,
                        Assignments::DepartmentId,
                        Departments::Table,
                        false,
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                owned_table(AssignmentComments::Table)
                    .col(ColumnDef::new(AssignmentComments::AssignmentId).uuid().not_null())
                    .col(ColumnDef::new(AssignmentComments::Date).date().not_null())
                    .col(ColumnDef::new(AssignmentComments::Text).text().not_null())
                    .col(ColumnDef::new(AssignmentComments::Author).string_len(254).null())
                    .col(
                        ColumnDef::new(AssignmentComments::CreatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .foreign_key(&mut reference(
                        AssignmentComments::Table,
                        AssignmentComments::AssignmentId,
                        Assignments::Table,
                        true,
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                owned_table(FocusAreas::Table)
                    .col(ColumnDef::new(FocusAreas::PlanId).uuid().not_null())
                    .col(position())
                    .col(ColumnDef::new(FocusAreas::Title).string_len(500).not_null())
                    .col(ColumnDef::new(FocusAreas::Text).text().not_null())
                    .col(revision())
                    .foreign_key(&mut reference(
                        FocusAreas::Table,
                        FocusAreas::PlanId,
                        Plans::Table,
                        true,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(FocusAreaGoals::Table)
                    .col(ColumnDef::new(FocusAreaGoals::TenantId).uuid().not_null())
                    .col(ColumnDef::new(FocusAreaGoals::FocusAreaId).uuid().not_null())
                    .col(ColumnDef::new(FocusAreaGoals::GoalId).uuid().not_null())
                    .primary_key(
                        Index::create()
                            .col(FocusAreaGoals::TenantId)
                            .col(FocusAreaGoals::FocusAreaId)
                            .col(FocusAreaGoals::GoalId),
                    )
                    .foreign_key(&mut reference(
                        FocusAreaGoals::Table,
                        FocusAreaGoals::FocusAreaId,
                        FocusAreas::Table,
                        true,
                    ))
                    .foreign_key(&mut reference(
                        FocusAreaGoals::Table,
                        FocusAreaGoals::GoalId,
                        Goals::Table,
                        true,
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                owned_table(Activities::Table)
                    .col(ColumnDef::new(Activities::PlanId).uuid().not_null())
                    .col(ColumnDef::new(Activities::GoalId).uuid().not_null())
                    .col(position())
                    .col(ColumnDef::new(Activities::Title).string_len(500).not_null())
                    .col(ColumnDef::new(Activities::DepartmentId).uuid().null())
                    .col(ColumnDef::new(Activities::Text).text().not_null())
                    .col(revision())
                    .foreign_key(&mut reference(
                        Activities::Table,
                        Activities::PlanId,
                        Plans::Table,
                        true,
                    ))
                    .foreign_key(&mut reference(
                        Activities::Table,
                        Activities::GoalId,
                        Goals::Table,
                        true,
                    ))
                    .foreign_key(&mut reference(
                        Activities::Table,
                        Activities::DepartmentId,
                        Departments::Table,
                        false,
                    ))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Activities::Table.into_iden(),
            FocusAreaGoals::Table.into_iden(),
            FocusAreas::Table.into_iden(),
            AssignmentComments::Table.into_iden(),
            Assignments::Table.into_iden(),
            IndicatorValues::Table.into_iden(),
            IndicatorTargets::Table.into_iden(),
            Indicators::Table.into_iden(),
            Goals::Table.into_iden(),
            PlanVersions::Table.into_iden(),
            Plans::Table.into_iden(),
            GoalLevels::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        for column in [TenantTexts::VisionTitle, TenantTexts::Vision, TenantTexts::Values] {
            manager
                .alter_table(Table::alter().table(Tenants::Table).drop_column(column).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum TenantTexts {
    VisionTitle,
    Vision,
    Values,
}

#[derive(DeriveIden, Clone, Copy)]
enum GoalLevels {
    Table,
    Key,
    Name,
    Plural,
    Numbering,
    Sections,
    Carries,
}

#[derive(DeriveIden, Clone, Copy)]
enum Plans {
    Table,
    CouncilId,
    Name,
    FirstYear,
    LastYear,
    Status,
    Version,
    Sections,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum PlanVersions {
    Table,
    TenantId,
    PlanId,
    Version,
    DecisionDate,
    DecisionBody,
    DecisionParagraph,
    AdoptedAt,
    AdoptedBy,
    Snapshot,
}

#[derive(DeriveIden, Clone, Copy)]
enum Goals {
    Table,
    PlanId,
    ParentId,
    LevelId,
    Code,
    Number,
    Title,
    Sections,
}

#[derive(DeriveIden, Clone, Copy)]
enum Indicators {
    Table,
    PlanId,
    GoalId,
    Code,
    Name,
    Definition,
    Kind,
    Unit,
    Decimals,
    Direction,
    Periodicity,
    Cumulative,
    DepartmentId,
    Source,
    Kolada,
    BaselineValue,
    BaselineLabel,
    Footnotes,
}

#[derive(DeriveIden, Clone, Copy)]
enum IndicatorTargets {
    Table,
    TenantId,
    IndicatorId,
    Year,
    Target,
    Label,
}

#[derive(DeriveIden, Clone, Copy)]
enum IndicatorValues {
    Table,
    TenantId,
    IndicatorId,
    Period,
    Kind,
    Gender,
    Value,
    Comment,
    UpdatedAt,
    UpdatedBy,
}

#[derive(DeriveIden, Clone, Copy)]
enum Assignments {
    Table,
    PlanId,
    GoalId,
    Kind,
    Title,
    DepartmentId,
    IsNew,
    EndDate,
    DecisionBody,
    Status,
    Forecast,
}

#[derive(DeriveIden, Clone, Copy)]
enum AssignmentComments {
    Table,
    AssignmentId,
    Date,
    Text,
    Author,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum FocusAreas {
    Table,
    PlanId,
    Title,
    Text,
}

#[derive(DeriveIden, Clone, Copy)]
enum FocusAreaGoals {
    Table,
    TenantId,
    FocusAreaId,
    GoalId,
}

/// Tables of earlier migrations, referenced here.
#[derive(DeriveIden, Clone, Copy)]
enum Councils {
    Table,
}

#[derive(DeriveIden, Clone, Copy)]
enum Departments {
    Table,
}

#[derive(DeriveIden, Clone, Copy)]
enum Activities {
    Table,
    PlanId,
    GoalId,
    Title,
    DepartmentId,
    Text,
}
