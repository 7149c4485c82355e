use sea_orm::{
    ActiveValue::Set, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect, prelude::*,
};

use crate::db::TenantScope;
use crate::db::entities::audit_log;

/// One audit entry: who did what to which entity, with old and new value where it applies.
pub struct AuditEntry<'a> {
    pub actor: &'a str,
    pub action: &'a str,
    pub entity_type: &'a str,
    pub entity_id: Option<String>,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
}

pub async fn record(db: &impl ConnectionTrait, scope: TenantScope, entry: AuditEntry<'_>) -> Result<(), DbErr> {
    audit_log::ActiveModel {
        tenant_id: Set(scope.tenant_id()),
        id: Set(Uuid::now_v7()),
        at: Set(chrono::Utc::now()),
        actor: Set(entry.actor.to_owned()),
        action: Set(entry.action.to_owned()),
        entity_type: Set(entry.entity_type.to_owned()),
        entity_id: Set(entry.entity_id),
        old_value: Set(entry.old_value),
        new_value: Set(entry.new_value),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// The tenant's newest entries first.
pub async fn recent(db: &impl ConnectionTrait, scope: TenantScope, limit: u64) -> Result<Vec<audit_log::Model>, DbErr> {
    audit_log::Entity::find()
        .filter(audit_log::Column::TenantId.eq(scope.tenant_id()))
        .order_by_desc(audit_log::Column::At)
        .order_by_desc(audit_log::Column::Id)
        .limit(limit)
        .all(db)
        .await
}

/// One entity's entries, newest first: its history.
pub async fn for_entity(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    entity_type: &str,
    entity_id: &str,
) -> Result<Vec<audit_log::Model>, DbErr> {
    audit_log::Entity::find()
        .filter(audit_log::Column::TenantId.eq(scope.tenant_id()))
        .filter(audit_log::Column::EntityType.eq(entity_type))
        .filter(audit_log::Column::EntityId.eq(entity_id))
        .order_by_desc(audit_log::Column::At)
        .order_by_desc(audit_log::Column::Id)
        .all(db)
        .await
}

/// Entries of a family of entities whose ids start with `prefix` (an indicator's values:
/// `<indicator id>/`), newest first, at most `limit`.
pub async fn for_entity_prefix(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    entity_type: &str,
    prefix: &str,
    limit: u64,
) -> Result<Vec<audit_log::Model>, DbErr> {
    audit_log::Entity::find()
        .filter(audit_log::Column::TenantId.eq(scope.tenant_id()))
        .filter(audit_log::Column::EntityType.eq(entity_type))
        .filter(audit_log::Column::EntityId.starts_with(prefix))
        .order_by_desc(audit_log::Column::At)
        .order_by_desc(audit_log::Column::Id)
        .limit(limit)
        .all(db)
        .await
}
