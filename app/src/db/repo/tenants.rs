//! Tenants are the roots of tenancy: looked up by slug before any scope exists.

use sea_orm::{
    ActiveValue::Set, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect, prelude::*,
};

use crate::db::entities::tenant;

pub async fn find_by_slug(db: &impl ConnectionTrait, slug: &str) -> Result<Option<tenant::Model>, DbErr> {
    tenant::Entity::find()
        .filter(tenant::Column::Slug.eq(slug))
        .one(db)
        .await
}

pub async fn find_by_id(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<tenant::Model>, DbErr> {
    tenant::Entity::find_by_id(id).one(db).await
}

pub async fn list(db: &impl ConnectionTrait) -> Result<Vec<tenant::Model>, DbErr> {
    tenant::Entity::find().order_by_asc(tenant::Column::Name).all(db).await
}

pub async fn insert(db: &impl ConnectionTrait, slug: &str, name: &str) -> Result<tenant::Model, DbErr> {
    tenant::ActiveModel {
        id: Set(Uuid::now_v7()),
        slug: Set(slug.to_owned()),
        name: Set(name.to_owned()),
        created_at: Set(chrono::Utc::now()),
        vision_title: Set(None),
        vision: Set(None),
        values: Set(None),
        data_version: Set(0),
        revision: Set(0),
        indicator_method: Set(None),
        money_unit: Set(None),
    }
    .insert(db)
    .await
}

/// The tenant's vision and values texts (they belong to the tenant, not to a plan).
pub struct TenantTexts {
    pub vision_title: Option<String>,
    pub vision: Option<String>,
    pub values: Option<String>,
}

/// Sets the tenant's texts (after [`lock_texts`] when an admin edits them).
pub async fn set_texts(
    db: &impl ConnectionTrait,
    scope: crate::db::TenantScope,
    texts: TenantTexts,
) -> Result<(), DbErr> {
    tenant::Entity::update_many()
        .filter(tenant::Column::Id.eq(scope.tenant_id()))
        .col_expr(tenant::Column::VisionTitle, Expr::value(texts.vision_title))
        .col_expr(tenant::Column::Vision, Expr::value(texts.vision))
        .col_expr(tenant::Column::Values, Expr::value(texts.values))
        .exec(db)
        .await?;
    Ok(())
}

/// Sets the tenant's default assessment method of indicators (JSON), or clears it.
pub async fn set_indicator_method(
    db: &impl ConnectionTrait,
    scope: crate::db::TenantScope,
    method: Option<String>,
) -> Result<(), DbErr> {
    tenant::Entity::update_many()
        .filter(tenant::Column::Id.eq(scope.tenant_id()))
        .col_expr(tenant::Column::IndicatorMethod, Expr::value(method))
        .exec(db)
        .await?;
    Ok(())
}

pub async fn set_money_unit(
    db: &impl ConnectionTrait,
    scope: crate::db::TenantScope,
    unit: Option<String>,
) -> Result<(), DbErr> {
    tenant::Entity::update_many()
        .filter(tenant::Column::Id.eq(scope.tenant_id()))
        .col_expr(tenant::Column::MoneyUnit, Expr::value(unit))
        .exec(db)
        .await?;
    Ok(())
}

/// Takes the texts' next revision if they are still at `revision`: the first write of an
/// edit, so a stale edit changes nothing and the transaction holds the row from the start.
pub async fn lock_texts(
    db: &impl ConnectionTrait,
    scope: crate::db::TenantScope,
    revision: i32,
) -> Result<bool, DbErr> {
    let done = tenant::Entity::update_many()
        .filter(tenant::Column::Id.eq(scope.tenant_id()))
        .filter(tenant::Column::Revision.eq(revision))
        .col_expr(tenant::Column::Revision, Expr::value(revision + 1))
        .exec(db)
        .await?;
    Ok(done.rows_affected == 1)
}

/// The tenant's data version: read models built at this version are current.
pub async fn data_version(db: &impl ConnectionTrait, scope: crate::db::TenantScope) -> Result<i64, DbErr> {
    tenant::Entity::find_by_id(scope.tenant_id())
        .select_only()
        .column(tenant::Column::DataVersion)
        .into_tuple::<i64>()
        .one(db)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound(format!("tenant {}", scope.tenant_id())))
}

/// Marks the tenant's data as changed. Call inside the transaction that changes it.
pub async fn touch(db: &impl ConnectionTrait, scope: crate::db::TenantScope) -> Result<(), DbErr> {
    use sea_orm::sea_query::Expr;
    tenant::Entity::update_many()
        .col_expr(
            tenant::Column::DataVersion,
            Expr::col(tenant::Column::DataVersion).add(1),
        )
        .filter(tenant::Column::Id.eq(scope.tenant_id()))
        .exec(db)
        .await?;
    Ok(())
}
