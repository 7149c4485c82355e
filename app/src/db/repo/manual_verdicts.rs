//! Manual verdicts: read per plan, written conditionally on the revision the person saw.

use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::db::TenantScope;
use crate::db::entities::manual_verdict;
use crate::domain::PlanId;

/// What a manual verdict is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    Goal(Uuid),
    Indicator(Uuid),
}

/// Every manual verdict on the plan's goals and indicators, any period.
pub async fn of_plan(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    plan_id: PlanId,
) -> Result<Vec<manual_verdict::Model>, DbErr> {
    use manual_verdict::Column as C;
    manual_verdict::Entity::find()
        .filter(C::TenantId.eq(scope.tenant_id()))
        .filter(C::PlanId.eq(plan_id))
        .all(db)
        .await
}

/// The verdict on `subject` for `period`, if one is given.
pub async fn find_for(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    subject: Subject,
    period: &str,
) -> Result<Option<manual_verdict::Model>, DbErr> {
    use manual_verdict::Column as C;
    let about = match subject {
        Subject::Goal(id) => C::GoalId.eq(id),
        Subject::Indicator(id) => C::IndicatorId.eq(id),
    };
    manual_verdict::Entity::find()
        .filter(C::TenantId.eq(scope.tenant_id()))
        .filter(about)
        .filter(C::Period.eq(period))
        .one(db)
        .await
}

fn this_verdict(scope: TenantScope, id: Uuid, revision: i32) -> sea_orm::Condition {
    use manual_verdict::Column as C;
    super::at_revision((C::TenantId, C::Id, C::Revision), scope, id, revision)
}

/// Writes `row`'s verdict, motivation and who gave it when, if the stored verdict is still
/// at `revision`; the revision goes up by one.
pub async fn update_if_revision(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    revision: i32,
    row: &manual_verdict::Model,
) -> Result<bool, DbErr> {
    use manual_verdict::Column as C;
    let result = manual_verdict::Entity::update_many()
        .col_expr(C::Verdict, Expr::value(row.verdict))
        .col_expr(C::Motivation, Expr::value(row.motivation.clone()))
        .col_expr(C::GivenBy, Expr::value(row.given_by.clone()))
        .col_expr(C::GivenAt, Expr::value(row.given_at))
        .col_expr(C::Revision, Expr::value(revision + 1))
        .filter(this_verdict(scope, row.id, revision))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

pub async fn delete_if_revision(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    id: Uuid,
    revision: i32,
) -> Result<bool, DbErr> {
    let deleted = manual_verdict::Entity::delete_many()
        .filter(this_verdict(scope, id, revision))
        .exec(db)
        .await?;
    Ok(deleted.rows_affected == 1)
}
