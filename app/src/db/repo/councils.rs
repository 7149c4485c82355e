use std::collections::HashMap;

use sea_orm::{
    ActiveValue::Set, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, prelude::*, sea_query::Expr,
};

use crate::db::TenantScope;
use crate::db::entities::{council, department};
use crate::domain::{CouncilId, DepartmentId};
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
        by_council.entry(d.council_id).or_default().push(model::Department {
            id: DepartmentId::from_uuid(d.id),
            name: d.name,
        });
    }
    Ok(councils
        .into_iter()
        .map(|c| model::Council {
            departments: by_council.remove(&c.id).unwrap_or_default(),
            id: CouncilId::from_uuid(c.id),
            slug: c.slug,
            name: c.name,
            municipal: c.municipal,
        })
        .collect())
}

/// The tenant's council rows, in display order.
pub async fn all(db: &impl ConnectionTrait, scope: TenantScope) -> Result<Vec<council::Model>, DbErr> {
    council::Entity::find()
        .filter(council::Column::TenantId.eq(scope.tenant_id()))
        .order_by_asc(council::Column::SortOrder)
        .order_by_asc(council::Column::Name)
        .all(db)
        .await
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
        revision: Set(0),
        municipal: Set(false),
    }
    .insert(db)
    .await
}

/// Marks the council as the municipality's own body (kommunfullmäktige), or not.
pub async fn set_municipal(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    id: Uuid,
    municipal: bool,
) -> Result<(), DbErr> {
    council::Entity::update_many()
        .filter(council::Column::TenantId.eq(scope.tenant_id()))
        .filter(council::Column::Id.eq(id))
        .col_expr(council::Column::Municipal, sea_orm::sea_query::Expr::value(municipal))
        .exec(db)
        .await?;
    Ok(())
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

fn this_council(scope: TenantScope, id: CouncilId, revision: i32) -> sea_orm::Condition {
    let columns = (
        council::Column::TenantId,
        council::Column::Id,
        council::Column::Revision,
    );
    super::at_revision(columns, scope, id, revision)
}

/// Takes the council's next revision if it is still at `revision` (the first write of an
/// edit: a stale edit changes nothing, and the transaction holds the row from the start).
pub async fn lock_if_revision(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    id: CouncilId,
    revision: i32,
) -> Result<bool, DbErr> {
    let done = council::Entity::update_many()
        .col_expr(council::Column::Revision, Expr::value(revision + 1))
        .filter(this_council(scope, id, revision))
        .exec(db)
        .await?;
    Ok(done.rows_affected == 1)
}

pub async fn rename(db: &impl ConnectionTrait, scope: TenantScope, id: CouncilId, name: &str) -> Result<(), DbErr> {
    council::Entity::update_many()
        .col_expr(council::Column::Name, Expr::value(name))
        .filter(council::Column::TenantId.eq(scope.tenant_id()))
        .filter(council::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// Removes the council (its departments go with it) if still at `revision`.
pub async fn delete_if_revision(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    id: CouncilId,
    revision: i32,
) -> Result<bool, DbErr> {
    department::Entity::delete_many()
        .filter(department::Column::TenantId.eq(scope.tenant_id()))
        .filter(department::Column::CouncilId.eq(id))
        .exec(db)
        .await?;
    let done = council::Entity::delete_many()
        .filter(this_council(scope, id, revision))
        .exec(db)
        .await?;
    Ok(done.rows_affected == 1)
}

pub async fn departments_of(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    council_id: CouncilId,
) -> Result<Vec<department::Model>, DbErr> {
    department::Entity::find()
        .filter(department::Column::TenantId.eq(scope.tenant_id()))
        .filter(department::Column::CouncilId.eq(council_id))
        .order_by_asc(department::Column::SortOrder)
        .all(db)
        .await
}

/// Writes the department's name and position (a new one when `id` is not stored yet).
pub async fn upsert_department(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    council_id: CouncilId,
    department: department::Model,
    exists: bool,
) -> Result<(), DbErr> {
    let row = department::ActiveModel {
        tenant_id: Set(scope.tenant_id()),
        id: Set(department.id),
        council_id: Set(council_id.uuid()),
        name: Set(department.name),
        sort_order: Set(department.sort_order),
    };
    if exists {
        department::Entity::update_many()
            .set(row)
            .filter(department::Column::TenantId.eq(scope.tenant_id()))
            .filter(department::Column::Id.eq(department.id))
            .exec(db)
            .await?;
    } else {
        row.insert(db).await?;
    }
    Ok(())
}

pub async fn delete_department(db: &impl ConnectionTrait, scope: TenantScope, id: DepartmentId) -> Result<(), DbErr> {
    department::Entity::delete_many()
        .filter(department::Column::TenantId.eq(scope.tenant_id()))
        .filter(department::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}
