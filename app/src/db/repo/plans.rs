//! Writes to a plan's own row: its status and version, each conditional on the state the
//! caller saw.

use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

use crate::db::TenantScope;
use crate::db::entities::plan;
use crate::domain::{PlanId, PlanStatus};

fn this_plan(scope: TenantScope, id: PlanId) -> sea_orm::Condition {
    sea_orm::Condition::all()
        .add(plan::Column::TenantId.eq(scope.tenant_id()))
        .add(plan::Column::Id.eq(id))
}

/// Locks the plan's row for the rest of the transaction if it is a draft; `false` if it is
/// not (or not the tenant's). Every change to a draft's content takes this lock first, so a
/// change and an adoption of the same plan never interleave: whichever commits second sees
/// the other's result.
pub async fn lock_draft(db: &impl ConnectionTrait, scope: TenantScope, id: PlanId) -> Result<bool, DbErr> {
    let result = plan::Entity::update_many()
        .col_expr(plan::Column::Revision, Expr::col(plan::Column::Revision).into())
        .filter(this_plan(scope, id))
        .filter(plan::Column::Status.eq(PlanStatus::Draft))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Sets status and version if the plan is still at `revision`; the revision goes up by one.
pub async fn set_status_if_revision(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    id: PlanId,
    revision: i32,
    (status, version): (PlanStatus, i32),
) -> Result<bool, DbErr> {
    let result = plan::Entity::update_many()
        .col_expr(plan::Column::Status, Expr::value(status))
        .col_expr(plan::Column::Version, Expr::value(version))
        .col_expr(plan::Column::Revision, Expr::value(revision + 1))
        .filter(this_plan(scope, id))
        .filter(plan::Column::Revision.eq(revision))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}
