//! A council's economy tables and action plans, in their order.

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use crate::db::TenantScope;
use crate::db::entities::{action_plan, economy_table};

pub async fn tables_of_council(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    council_id: Uuid,
) -> Result<Vec<economy_table::Model>, DbErr> {
    economy_table::Entity::find()
        .filter(economy_table::Column::TenantId.eq(scope.tenant_id()))
        .filter(economy_table::Column::CouncilId.eq(council_id))
        .order_by_asc(economy_table::Column::Position)
        .all(db)
        .await
}

pub async fn action_plans_of_council(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    council_id: Uuid,
) -> Result<Vec<action_plan::Model>, DbErr> {
    action_plan::Entity::find()
        .filter(action_plan::Column::TenantId.eq(scope.tenant_id()))
        .filter(action_plan::Column::CouncilId.eq(council_id))
        .order_by_asc(action_plan::Column::Position)
        .all(db)
        .await
}
