//! Single-indicator reads and the optimistic-locking write of the edit page.

use sea_orm::sea_query::Expr;
use sea_orm::{ConnectionTrait, DbErr, EntityTrait, QueryFilter, prelude::*};

use crate::db::TenantScope;
use crate::db::entities::{indicator, indicator_target};
use crate::domain::IndicatorId;

pub async fn find_by_code(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    code: &str,
) -> Result<Option<indicator::Model>, DbErr> {
    indicator::Entity::find()
        .filter(indicator::Column::TenantId.eq(scope.tenant_id()))
        .filter(indicator::Column::Code.eq(code))
        .one(db)
        .await
}

pub async fn find(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    id: IndicatorId,
) -> Result<Option<indicator::Model>, DbErr> {
    indicator::Entity::find()
        .filter(indicator::Column::TenantId.eq(scope.tenant_id()))
        .filter(indicator::Column::Id.eq(id))
        .one(db)
        .await
}

/// Writes `row` if the stored revision is still `expected`, bumping it. False when someone
/// else saved in between (the caller reports a conflict).
pub async fn update_if_revision(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    row: &indicator::Model,
    expected: i32,
) -> Result<bool, DbErr> {
    use indicator::Column as C;
    let result = indicator::Entity::update_many()
        .col_expr(C::Name, Expr::value(row.name.clone()))
        .col_expr(C::Definition, Expr::value(row.definition.clone()))
        .col_expr(C::Kind, Expr::value(row.kind))
        .col_expr(C::Unit, Expr::value(row.unit.clone()))
        .col_expr(C::Decimals, Expr::value(row.decimals))
        .col_expr(C::Direction, Expr::value(row.direction))
        .col_expr(C::Periodicity, Expr::value(row.periodicity.clone()))
        .col_expr(C::Cumulative, Expr::value(row.cumulative))
        .col_expr(C::DepartmentId, Expr::value(row.department_id))
        .col_expr(C::Source, Expr::value(row.source.clone()))
        .col_expr(C::Kolada, Expr::value(row.kolada.clone()))
        .col_expr(C::BaselineValue, Expr::value(row.baseline_value.clone()))
        .col_expr(C::BaselineLabel, Expr::value(row.baseline_label.clone()))
        .col_expr(C::Footnotes, Expr::value(row.footnotes.clone()))
        .col_expr(C::Method, Expr::value(row.method.clone()))
        .col_expr(C::Revision, Expr::value(expected + 1))
        .filter(C::TenantId.eq(scope.tenant_id()))
        .filter(C::Id.eq(row.id))
        .filter(C::Revision.eq(expected))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

pub async fn replace_targets(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    indicator_id: IndicatorId,
    targets: Vec<indicator_target::Model>,
) -> Result<(), DbErr> {
    indicator_target::Entity::delete_many()
        .filter(indicator_target::Column::TenantId.eq(scope.tenant_id()))
        .filter(indicator_target::Column::IndicatorId.eq(indicator_id))
        .exec(db)
        .await?;
    super::rows::insert(db, scope, targets).await
}
