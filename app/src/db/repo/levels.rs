//! Writes to the tenant's goal levels, each conditional on the revision the admin saw.

use sea_orm::sea_query::Expr;
use sea_orm::{ConnectionTrait, DbErr, EntityTrait, QueryFilter};

use crate::db::TenantScope;
use crate::db::entities::goal_level;
use crate::domain::LevelId;

fn this_level(scope: TenantScope, id: LevelId, revision: i32) -> sea_orm::Condition {
    use goal_level::Column as C;
    super::at_revision((C::TenantId, C::Id, C::Revision), scope, id, revision)
}

/// Writes `row`'s position, names, numbering, sections, carries, whether its uppdrag count
/// as inputs, whether it only groups, and its rule, if the stored level is still at
/// `revision`; the revision goes up by one.
pub async fn update_if_revision(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    revision: i32,
    row: &goal_level::Model,
) -> Result<bool, DbErr> {
    use goal_level::Column as C;
    let result = goal_level::Entity::update_many()
        .col_expr(C::Position, Expr::value(row.position))
        .col_expr(C::Name, Expr::value(row.name.clone()))
        .col_expr(C::Plural, Expr::value(row.plural.clone()))
        .col_expr(C::Numbering, Expr::value(row.numbering))
        .col_expr(C::Sections, Expr::value(row.sections.clone()))
        .col_expr(C::Carries, Expr::value(row.carries.clone()))
        .col_expr(C::AssignmentInputs, Expr::value(row.assignment_inputs))
        .col_expr(C::Grouping, Expr::value(row.grouping))
        .col_expr(C::Rule, Expr::value(row.rule.clone()))
        .col_expr(C::Revision, Expr::value(revision + 1))
        .filter(this_level(scope, LevelId::from_uuid(row.id), revision))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Deletes the level if it is still at `revision`.
pub async fn delete_if_revision(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    id: LevelId,
    revision: i32,
) -> Result<bool, DbErr> {
    let result = goal_level::Entity::delete_many()
        .filter(this_level(scope, id, revision))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}
