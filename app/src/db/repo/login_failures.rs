//! Login attempts per throttle key (`account:…`, `person:…`, `addr:…`), shared by all app
//! instances. An attempt is recorded before its password is checked and forgotten if it
//! succeeds, so what stays are the failures.

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

/// Records an attempt; its id, to forget it if it succeeds.
pub async fn record(db: &impl ConnectionTrait, key: &str, at: DateTime<Utc>) -> Result<Uuid, DbErr> {
    let id = Uuid::now_v7();
    login_failure::ActiveModel {
        id: Set(id),
        throttle_key: Set(key.to_owned()),
        failed_at: Set(at),
    }
    .insert(db)
    .await?;
    Ok(id)
}

/// Forgets the attempts with these ids.
pub async fn forget(db: &impl ConnectionTrait, ids: Vec<Uuid>) -> Result<(), DbErr> {
    login_failure::Entity::delete_many()
        .filter(login_failure::Column::Id.is_in(ids))
        .exec(db)
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
