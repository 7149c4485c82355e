//! Platform admins span tenants; their table is not tenant-owned.

use sea_orm::{ActiveValue::Set, ConnectionTrait, DbErr, EntityTrait, QueryFilter, prelude::*};

use crate::db::entities::platform_admin;

pub async fn find_by_email(db: &impl ConnectionTrait, email: &str) -> Result<Option<platform_admin::Model>, DbErr> {
    platform_admin::Entity::find()
        .filter(platform_admin::Column::Email.eq(email))
        .one(db)
        .await
}

pub async fn find_by_id(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<platform_admin::Model>, DbErr> {
    platform_admin::Entity::find_by_id(id).one(db).await
}

pub async fn insert(
    db: &impl ConnectionTrait,
    email: &str,
    name: &str,
    password_hash: String,
    is_demo: bool,
) -> Result<platform_admin::Model, DbErr> {
    platform_admin::ActiveModel {
        id: Set(Uuid::now_v7()),
        email: Set(email.to_owned()),
        name: Set(name.to_owned()),
        password_hash: Set(password_hash),
        is_demo: Set(is_demo),
        created_at: Set(chrono::Utc::now()),
    }
    .insert(db)
    .await
}

pub async fn set_password_hash(db: &impl ConnectionTrait, id: Uuid, password_hash: String) -> Result<(), DbErr> {
    platform_admin::Entity::update_many()
        .col_expr(platform_admin::Column::PasswordHash, Expr::value(password_hash))
        .filter(platform_admin::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

pub async fn count_demo(db: &impl ConnectionTrait) -> Result<u64, DbErr> {
    platform_admin::Entity::find()
        .filter(platform_admin::Column::IsDemo.eq(true))
        .count(db)
        .await
}
