//! Failed logins per throttle key (`account:…`, `addr:…`), shared by all app instances.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ConnectionTrait, DbErr, EntityTrait, QueryFilter, prelude::*};

use crate::db::entities::login_failure;

pub async fn count_since(db: &impl ConnectionTrait, key: &str, since: DateTime<Utc>) -> Result<u64, DbErr> {
    login_failure::Entity::find()
        .filter(login_failure::Column::ThrottleKey.eq(key))
        .filter(login_failure::Column::FailedAt.gt(since))
        .count(db)
        .await
}

pub async fn record(db: &impl ConnectionTrait, key: &str, at: DateTime<Utc>) -> Result<(), DbErr> {
    login_failure::ActiveModel {
        id: Set(Uuid::now_v7()),
        throttle_key: Set(key.to_owned()),
        failed_at: Set(at),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Forgets the key's failures: all of them (after a successful login) or those older than `before`.
pub async fn clear(db: &impl ConnectionTrait, key: &str, before: Option<DateTime<Utc>>) -> Result<(), DbErr> {
    let mut query = login_failure::Entity::delete_many().filter(login_failure::Column::ThrottleKey.eq(key));
    if let Some(before) = before {
        query = query.filter(login_failure::Column::FailedAt.lte(before));
    }
    query.exec(db).await?;
    Ok(())
}
