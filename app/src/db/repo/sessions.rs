use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ConnectionTrait, DbErr, EntityTrait, QueryFilter, prelude::*};

use crate::db::TenantScope;
use crate::db::entities::session;

/// Who a session belongs to: a tenant user or a platform admin acting in the tenant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionOwner {
    User(Uuid),
    PlatformAdmin(Uuid),
}

pub async fn insert(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    token_hash: String,
    owner: SessionOwner,
    expires_at: DateTime<Utc>,
) -> Result<(), DbErr> {
    let (user_id, platform_admin_id) = match owner {
        SessionOwner::User(id) => (Some(id), None),
        SessionOwner::PlatformAdmin(id) => (None, Some(id)),
    };
    session::ActiveModel {
        tenant_id: Set(scope.tenant_id()),
        token_hash: Set(token_hash),
        user_id: Set(user_id),
        platform_admin_id: Set(platform_admin_id),
        created_at: Set(Utc::now()),
        expires_at: Set(expires_at),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// The live (unexpired) session with this token hash.
pub async fn find_live(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<Option<session::Model>, DbErr> {
    session::Entity::find_by_id((scope.tenant_id(), token_hash.to_owned()))
        .filter(session::Column::ExpiresAt.gt(now))
        .one(db)
        .await
}

pub async fn delete(db: &impl ConnectionTrait, scope: TenantScope, token_hash: &str) -> Result<(), DbErr> {
    session::Entity::delete_by_id((scope.tenant_id(), token_hash.to_owned()))
        .exec(db)
        .await?;
    Ok(())
}

pub async fn delete_expired(db: &impl ConnectionTrait, scope: TenantScope, now: DateTime<Utc>) -> Result<(), DbErr> {
    session::Entity::delete_many()
        .filter(session::Column::TenantId.eq(scope.tenant_id()))
        .filter(session::Column::ExpiresAt.lte(now))
        .exec(db)
        .await?;
    Ok(())
}
