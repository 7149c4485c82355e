//! Writes to uppdrag and initiativ, each conditional on the revision the editor saw.

use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

use crate::db::TenantScope;
use crate::db::entities::{assignment, assignment_comment};
use crate::domain::AssignmentId;

/// One item of the tenant.
pub async fn find(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    id: AssignmentId,
) -> Result<Option<assignment::Model>, DbErr> {
    assignment::Entity::find()
        .filter(assignment::Column::TenantId.eq(scope.tenant_id()))
        .filter(assignment::Column::Id.eq(id))
        .one(db)
        .await
}

fn this_item(scope: TenantScope, id: AssignmentId, revision: i32) -> sea_orm::Condition {
    use assignment::Column as C;
    super::at_revision((C::TenantId, C::Id, C::Revision), scope, id, revision)
}

/// Writes `row`'s own fields (all but the keys, plan and position) if the stored item is
/// still at `revision`; the revision goes up by one.
pub async fn update_if_revision(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    revision: i32,
    row: &assignment::Model,
) -> Result<bool, DbErr> {
    use assignment::Column as C;
    let result = assignment::Entity::update_many()
        .col_expr(C::GoalId, Expr::value(row.goal_id))
        .col_expr(C::Kind, Expr::value(row.kind))
        .col_expr(C::Title, Expr::value(row.title.clone()))
        .col_expr(C::DepartmentId, Expr::value(row.department_id))
        .col_expr(C::IsNew, Expr::value(row.is_new))
        .col_expr(C::EndDate, Expr::value(row.end_date))
        .col_expr(C::DecisionBody, Expr::value(row.decision_body.clone()))
        .col_expr(C::Status, Expr::value(row.status))
        .col_expr(C::Forecast, Expr::value(row.forecast))
        .col_expr(C::Revision, Expr::value(revision + 1))
        .filter(this_item(scope, AssignmentId::from_uuid(row.id), revision))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Deletes the item and its comments if it is still at `revision`. Comments go first (they
/// reference the item), so on `false` the caller's transaction must roll back.
pub async fn delete_if_revision(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    id: AssignmentId,
    revision: i32,
) -> Result<bool, DbErr> {
    assignment_comment::Entity::delete_many()
        .filter(assignment_comment::Column::TenantId.eq(scope.tenant_id()))
        .filter(assignment_comment::Column::AssignmentId.eq(id))
        .exec(db)
        .await?;
    let deleted = assignment::Entity::delete_many()
        .filter(this_item(scope, id, revision))
        .exec(db)
        .await?;
    Ok(deleted.rows_affected == 1)
}
