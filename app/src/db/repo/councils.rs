use std::collections::HashMap;

use sea_orm::{ActiveValue::Set, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, prelude::*};

use crate::db::TenantScope;
use crate::db::entities::{council, department};
use crate::model;

/// The tenant's councils, each with its departments, in display order. Two queries, no N+1.
pub async fn list_with_departments(
    db: &impl ConnectionTrait,
    scope: TenantScope,
) -> Result<Vec<model::Council>, DbErr> {
    let councils = council::Entity::find()
        .filter(council::Column::TenantId.eq(scope.tenant_id()))
        .order_by_asc(council::Column::SortOrder)
        .order_by_asc(council::Column::Name)
        .all(db)
        .await?;
    let departments = department::Entity::find()
        .filter(department::Column::TenantId.eq(scope.tenant_id()))
        .order_by_asc(department::Column::SortOrder)
        .order_by_asc(department::Column::Name)
        .all(db)
        .await?;
    let mut by_council: HashMap<Uuid, Vec<model::Department>> = HashMap::new();
    for d in departments {
        by_council
            .entry(d.council_id)
            .or_default()
            .push(model::Department { id: d.id, name: d.name });
    }
    Ok(councils
        .into_iter()
        .map(|c| model::Council {
            departments: by_council.remove(&c.id).unwrap_or_default(),
            id: c.id,
            slug: c.slug,
            name: c.name,
        })
        .collect())
}

pub async fn find_by_slug(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    slug: &str,
) -> Result<Option<council::Model>, DbErr> {
    council::Entity::find()
        .filter(council::Column::TenantId.eq(scope.tenant_id()))
        .filter(council::Column::Slug.eq(slug))
        .one(db)
        .await
}

pub async fn insert(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    slug: &str,
    name: &str,
    sort_order: i32,
) -> Result<council::Model, DbErr> {
    council::ActiveModel {
        tenant_id: Set(scope.tenant_id()),
        id: Set(Uuid::now_v7()),
        slug: Set(slug.to_owned()),
        name: Set(name.to_owned()),
        sort_order: Set(sort_order),
    }
    .insert(db)
    .await
}

/// Adds the department unless the council already has one by that name.
pub async fn ensure_department(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    council_id: Uuid,
    name: &str,
    sort_order: i32,
) -> Result<(), DbErr> {
    let existing = department::Entity::find()
        .filter(department::Column::TenantId.eq(scope.tenant_id()))
        .filter(department::Column::CouncilId.eq(council_id))
        .filter(department::Column::Name.eq(name))
        .one(db)
        .await?;
    if existing.is_none() {
        department::ActiveModel {
            tenant_id: Set(scope.tenant_id()),
            id: Set(Uuid::now_v7()),
            council_id: Set(council_id),
            name: Set(name.to_owned()),
            sort_order: Set(sort_order),
        }
        .insert(db)
        .await?;
    }
    Ok(())
}
