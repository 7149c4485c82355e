//! Writes to a plan's goal tree, each conditional on the revision the editor saw.

use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter};

use crate::db::TenantScope;
use crate::db::entities::{activity, assignment, focus_area_goal, goal, goal_link, indicator};
use crate::domain::GoalId;
use crate::model::Attached;

/// What hangs on a goal: sub-goals, indicators, uppdrag, activities, fokusområden.
pub async fn attached(db: &impl ConnectionTrait, scope: TenantScope, goal_id: GoalId) -> Result<Attached, DbErr> {
    let tenant = scope.tenant_id();
    Ok(Attached {
        sub_goals: goal::Entity::find()
            .filter(goal::Column::TenantId.eq(tenant))
            .filter(goal::Column::ParentId.eq(goal_id))
            .count(db)
            .await? as usize,
        indicators: indicator::Entity::find()
            .filter(indicator::Column::TenantId.eq(tenant))
            .filter(indicator::Column::GoalId.eq(goal_id))
            .count(db)
            .await? as usize,
        assignments: assignment::Entity::find()
            .filter(assignment::Column::TenantId.eq(tenant))
            .filter(assignment::Column::GoalId.eq(goal_id))
            .count(db)
            .await? as usize,
        activities: activity::Entity::find()
            .filter(activity::Column::TenantId.eq(tenant))
            .filter(activity::Column::GoalId.eq(goal_id))
            .count(db)
            .await? as usize,
        focus_areas: focus_area_goal::Entity::find()
            .filter(focus_area_goal::Column::TenantId.eq(tenant))
            .filter(focus_area_goal::Column::GoalId.eq(goal_id))
            .count(db)
            .await? as usize,
    })
}

fn this_goal(scope: TenantScope, id: GoalId, revision: i32) -> sea_orm::Condition {
    use goal::Column as C;
    super::at_revision((C::TenantId, C::Id, C::Revision), scope, id, revision)
}

/// Sets number, title and sections (JSON) if the goal is still at `revision`.
pub async fn update_text_if_revision(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    id: GoalId,
    revision: i32,
    (number, title, sections): (&str, &str, &str),
) -> Result<bool, DbErr> {
    let result = goal::Entity::update_many()
        .col_expr(goal::Column::Number, Expr::value(number))
        .col_expr(goal::Column::Title, Expr::value(title))
        .col_expr(goal::Column::Sections, Expr::value(sections))
        .col_expr(goal::Column::Revision, Expr::value(revision + 1))
        .filter(this_goal(scope, id, revision))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Sets the goal's rule (JSON; `None`: its level's) if it is still at `revision`.
pub async fn set_rule_if_revision(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    id: GoalId,
    revision: i32,
    rule: Option<String>,
) -> Result<bool, DbErr> {
    let result = goal::Entity::update_many()
        .col_expr(goal::Column::Rule, Expr::value(rule))
        .col_expr(goal::Column::Revision, Expr::value(revision + 1))
        .filter(this_goal(scope, id, revision))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Takes the goal's next revision if it is still at `revision` (a change of what hangs on
/// it, such as its contributions).
pub async fn touch_if_revision(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    id: GoalId,
    revision: i32,
) -> Result<bool, DbErr> {
    let result = goal::Entity::update_many()
        .col_expr(goal::Column::Revision, Expr::value(revision + 1))
        .filter(this_goal(scope, id, revision))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Replaces the goal's contributions with `links`.
pub async fn replace_links(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    id: GoalId,
    links: Vec<goal_link::Model>,
) -> Result<(), DbErr> {
    goal_link::Entity::delete_many()
        .filter(goal_link::Column::TenantId.eq(scope.tenant_id()))
        .filter(goal_link::Column::GoalId.eq(id))
        .exec(db)
        .await?;
    super::rows::insert(db, scope, links).await
}

/// Sets the goal's parent if it is still at `revision`.
pub async fn set_place_if_revision(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    id: GoalId,
    revision: i32,
    parent: Option<GoalId>,
) -> Result<bool, DbErr> {
    let result = goal::Entity::update_many()
        .col_expr(goal::Column::ParentId, Expr::value(parent.map(GoalId::uuid)))
        .col_expr(goal::Column::Revision, Expr::value(revision + 1))
        .filter(this_goal(scope, id, revision))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Numbers siblings 0, 1, 2 … in the given order.
pub async fn set_positions(db: &impl ConnectionTrait, scope: TenantScope, order: &[GoalId]) -> Result<(), DbErr> {
    for (position, id) in order.iter().enumerate() {
        goal::Entity::update_many()
            .col_expr(goal::Column::Position, Expr::value(position as i32))
            .filter(goal::Column::TenantId.eq(scope.tenant_id()))
            .filter(goal::Column::Id.eq(*id))
            .exec(db)
            .await?;
    }
    Ok(())
}

pub async fn delete_if_revision(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    id: GoalId,
    revision: i32,
) -> Result<bool, DbErr> {
    let result = goal::Entity::delete_many()
        .filter(this_goal(scope, id, revision))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}
