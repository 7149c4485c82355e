//! Bulk writes and whole-tenant reads of the plan tables. Every row is stamped with the
//! scope's tenant before it is written, and every read filters by it.

use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DbErr, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, prelude::*,
};

use crate::db::TenantScope;
use crate::db::entities::*;
use crate::domain::PlanId;

/// Rows per INSERT: well under SQLite's 32 766 and Postgres's 65 535 bind parameters for
/// the widest table (20 columns).
const ROWS_PER_INSERT: usize = 1000;

/// A row of a tenant-owned table.
pub trait TenantRow: IntoActiveModel<Self::Active> + Sized {
    type Active: ActiveModelTrait + Send;
    fn set_tenant(&mut self, tenant_id: Uuid);
}

/// Inserts the rows in chunks, each stamped with the scope's tenant.
pub async fn insert<R: TenantRow>(db: &impl ConnectionTrait, scope: TenantScope, rows: Vec<R>) -> Result<(), DbErr>
where
    <<R::Active as ActiveModelTrait>::Entity as EntityTrait>::Model: IntoActiveModel<R::Active>,
{
    let mut rows = rows
        .into_iter()
        .map(|mut row| {
            row.set_tenant(scope.tenant_id());
            row.into_active_model()
        })
        .peekable();
    while rows.peek().is_some() {
        let chunk: Vec<R::Active> = rows.by_ref().take(ROWS_PER_INSERT).collect();
        <R::Active as ActiveModelTrait>::Entity::insert_many(chunk)
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

macro_rules! tenant_tables {
    ($($module:ident => $all:ident),* $(,)?) => {
        $(
            impl TenantRow for $module::Model {
                type Active = $module::ActiveModel;
                fn set_tenant(&mut self, tenant_id: Uuid) {
                    self.tenant_id = tenant_id;
                }
            }

            /// Every row of the tenant, unordered.
            pub async fn $all(db: &impl ConnectionTrait, scope: TenantScope) -> Result<Vec<$module::Model>, DbErr> {
                $module::Entity::find()
                    .filter($module::Column::TenantId.eq(scope.tenant_id()))
                    .all(db)
                    .await
            }
        )*
    };
}

tenant_tables! {
    department => departments,
    goal_level => goal_levels,
    plan => plans,
    plan_version => plan_versions,
    goal => goals,
    goal_link => goal_links,
    indicator => indicators,
    indicator_target => indicator_targets,
    indicator_value => indicator_values,
    assignment => assignments,
    assignment_comment => assignment_comments,
    focus_area => focus_areas,
    focus_area_goal => focus_area_goals,
    activity => activities,
    manual_verdict => manual_verdicts,
    economy_table => economy_tables,
    action_plan => action_plans,
    ledger_outcome => ledger_outcomes,
    economy_forecast => economy_forecasts,
}

macro_rules! plan_tables {
    ($($module:ident => $of_plan:ident),* $(,)?) => {
        $(
            /// The plan's rows, by position.
            pub async fn $of_plan(db: &impl ConnectionTrait, scope: TenantScope, plan_id: PlanId) -> Result<Vec<$module::Model>, DbErr> {
                $module::Entity::find()
                    .filter($module::Column::TenantId.eq(scope.tenant_id()))
                    .filter($module::Column::PlanId.eq(plan_id))
                    .order_by_asc($module::Column::Position)
                    .all(db)
                    .await
            }
        )*
    };
}

plan_tables! {
    goal => goals_of_plan,
    indicator => indicators_of_plan,
    assignment => assignments_of_plan,
    focus_area => focus_areas_of_plan,
    activity => activities_of_plan,
}

macro_rules! child_tables {
    ($($module:ident . $parent:ident => $of:ident),* $(,)?) => {
        $(
            /// The rows belonging to any of `parents`.
            pub async fn $of(db: &impl ConnectionTrait, scope: TenantScope, parents: Vec<Uuid>) -> Result<Vec<$module::Model>, DbErr> {
                if parents.is_empty() {
                    return Ok(Vec::new());
                }
                $module::Entity::find()
                    .filter($module::Column::TenantId.eq(scope.tenant_id()))
                    .filter($module::Column::$parent.is_in(parents))
                    .all(db)
                    .await
            }
        )*
    };
}

child_tables! {
    indicator_target.IndicatorId => targets_of,
    indicator_value.IndicatorId => values_of,
    assignment_comment.AssignmentId => comments_of,
    focus_area_goal.FocusAreaId => focus_links_of,
    goal_link.GoalId => links_of,
    goal_link.TargetGoalId => links_into,
    goal.Id => goals_with_ids,
}

/// One plan of the tenant.
pub async fn find_plan(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    id: PlanId,
) -> Result<Option<plan::Model>, DbErr> {
    plan::Entity::find()
        .filter(plan::Column::TenantId.eq(scope.tenant_id()))
        .filter(plan::Column::Id.eq(id))
        .one(db)
        .await
}

/// The plan's adopted versions, oldest first.
pub async fn versions_of_plan(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    plan_id: PlanId,
) -> Result<Vec<plan_version::Model>, DbErr> {
    plan_version::Entity::find()
        .filter(plan_version::Column::TenantId.eq(scope.tenant_id()))
        .filter(plan_version::Column::PlanId.eq(plan_id))
        .order_by_asc(plan_version::Column::Version)
        .all(db)
        .await
}
