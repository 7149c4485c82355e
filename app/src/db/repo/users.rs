use sea_orm::{ActiveValue::Set, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, prelude::*};

use crate::db::TenantScope;
use crate::db::entities::user;
use crate::model::Role;

pub async fn list(db: &impl ConnectionTrait, scope: TenantScope) -> Result<Vec<user::Model>, DbErr> {
    user::Entity::find()
        .filter(user::Column::TenantId.eq(scope.tenant_id()))
        .order_by_asc(user::Column::Email)
        .all(db)
        .await
}

pub async fn find_by_email(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    email: &str,
) -> Result<Option<user::Model>, DbErr> {
    user::Entity::find()
        .filter(user::Column::TenantId.eq(scope.tenant_id()))
        .filter(user::Column::Email.eq(email))
        .one(db)
        .await
}

pub async fn find_by_id(db: &impl ConnectionTrait, scope: TenantScope, id: Uuid) -> Result<Option<user::Model>, DbErr> {
    user::Entity::find_by_id((scope.tenant_id(), id)).one(db).await
}

pub struct NewUser<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub role: Role,
    pub password_hash: String,
    pub is_demo: bool,
}

pub async fn insert(db: &impl ConnectionTrait, scope: TenantScope, new: NewUser<'_>) -> Result<user::Model, DbErr> {
    user::ActiveModel {
        tenant_id: Set(scope.tenant_id()),
        id: Set(Uuid::now_v7()),
        email: Set(new.email.to_owned()),
        name: Set(new.name.to_owned()),
        role: Set(new.role),
        password_hash: Set(new.password_hash),
        is_demo: Set(new.is_demo),
        created_at: Set(chrono::Utc::now()),
    }
    .insert(db)
    .await
}

pub async fn set_password_hash(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    id: Uuid,
    password_hash: String,
) -> Result<(), DbErr> {
    user::Entity::update_many()
        .col_expr(user::Column::PasswordHash, Expr::value(password_hash))
        .filter(user::Column::TenantId.eq(scope.tenant_id()))
        .filter(user::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// Demo accounts in any tenant: their presence stops a production start.
pub async fn count_demo(db: &impl ConnectionTrait) -> Result<u64, DbErr> {
    user::Entity::find()
        .filter(user::Column::IsDemo.eq(true))
        .count(db)
        .await
}
