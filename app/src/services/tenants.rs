use std::collections::HashSet;

use sea_orm::{ConnectionTrait, DatabaseConnection, TransactionTrait};

use super::context::TenantContext;
use super::versioned_cache::VersionedCache;
use super::{ServiceError, validate};
use crate::db::TenantScope;
use crate::db::repo::audit::{self, AuditEntry};
use crate::db::repo::{councils, tenants};
use crate::model::{Council, Message, Named, NewTenantForm, Role, TenantHome, TenantSummary};

/// Tenants shown on the login page. Municipalities are public bodies; listing them is fine.
pub async fn list_public(db: &DatabaseConnection) -> Result<Vec<TenantSummary>, ServiceError> {
    Ok(tenants::list(db)
        .await?
        .into_iter()
        .map(|t| TenantSummary {
            slug: t.slug,
            name: t.name,
        })
        .collect())
}

/// Every tenant, for the platform admins' page.
pub async fn list_for_platform(
    db: &DatabaseConnection,
    ctx: &TenantContext,
) -> Result<Vec<TenantSummary>, ServiceError> {
    if !ctx.me().platform_admin {
        return Err(ServiceError::Forbidden);
    }
    list_public(db).await
}

/// Each tenant's councils (with departments) and plan summaries, by tenant id.
pub type HomeCache = VersionedCache<uuid::Uuid, (Vec<Council>, Vec<crate::model::PlanSummary>)>;

/// The tenant home: councils with departments and plans, built once per data version.
pub async fn home(db: &DatabaseConnection, cache: &HomeCache, ctx: &TenantContext) -> Result<TenantHome, ServiceError> {
    let scope = ctx.scope();
    let cached = cache
        .current(db, scope, scope.tenant_id(), || async {
            let councils = councils::list_with_departments(db, scope).await?;
            let plans = super::plans::list_for_councils(db, scope, &councils).await?;
            Ok((councils, plans))
        })
        .await?;
    let (councils, plans) = &cached.1;
    Ok(TenantHome {
        tenant: ctx.me().tenant.clone(),
        councils: councils.clone(),
        plans: plans.clone(),
    })
}

/// `GET /tenants/{slug}/councils`: any role of the tenant may read.
pub async fn councils_of(db: &DatabaseConnection, ctx: &TenantContext) -> Result<Vec<Council>, ServiceError> {
    Ok(councils::list_with_departments(db, ctx.scope()).await?)
}

/// `POST /tenants`: platform admins add a municipality. Its configuration, councils and
/// plans follow through `POST /tenants/{slug}/import`, its users through `…/users`.
pub async fn create_for(
    db: &DatabaseConnection,
    ctx: &TenantContext,
    slug: &str,
    name: &str,
) -> Result<TenantSummary, ServiceError> {
    if !ctx.me().platform_admin {
        return Err(ServiceError::Forbidden);
    }
    create(db, slug, name, ctx.actor()).await?;
    let tenant = tenants::find_by_slug(db, slug.trim())
        .await?
        .ok_or_else(|| ServiceError::Corrupt(format!("tenant {slug} missing after insert")))?;
    Ok(TenantSummary {
        slug: tenant.slug,
        name: tenant.name,
    })
}

/// A new municipality with its first admin (platform admins, from the platform page).
/// Everything is checked before the tenant is written; the admin then configures the
/// structure, organisation and plans in the tenant's own admin pages.
pub async fn create_with_admin(
    db: &DatabaseConnection,
    ctx: &TenantContext,
    form: &NewTenantForm,
) -> Result<TenantSummary, ServiceError> {
    if !ctx.me().platform_admin {
        return Err(ServiceError::Forbidden);
    }
    let name = validate::text("name", &form.name, 200)?;
    let existing = tenants::list(db).await?;
    if existing.iter().any(|t| t.name.to_lowercase() == name.to_lowercase()) {
        return Err(ServiceError::conflict(Message::AlreadyExists {
            what: Named::TenantName,
            value: name.to_owned(),
        }));
    }
    let taken: HashSet<String> = existing.into_iter().map(|t| t.slug).collect();
    let slug = match form.slug.trim() {
        "" => validate::key_from_name(name.trim_end_matches(" kommun"), &taken, "kommun"),
        written => written.to_owned(),
    };
    validate::email(&form.admin.email)?;
    validate::text("admin_name", &form.admin.name, 200)?;
    validate::new_password(&form.admin.password)?;
    let scope = create(db, &slug, name, ctx.actor()).await?;
    let admin = super::users::NewUserInput {
        email: &form.admin.email,
        name: &form.admin.name,
        role: Role::Admin,
        password: &form.admin.password,
        is_demo: false,
    };
    super::users::create_or_update(db, scope, admin, false, ctx.actor()).await?;
    Ok(TenantSummary {
        slug,
        name: name.to_owned(),
    })
}

/// For the operator's CLI only (no session): the scope of a tenant by slug.
pub async fn operator_scope(db: &impl ConnectionTrait, slug: &str) -> Result<TenantScope, ServiceError> {
    tenants::find_by_slug(db, slug)
        .await?
        .map(|t| TenantScope::new(t.id))
        .ok_or(ServiceError::NotFound)
}

/// Creates a tenant (CLI `tenant add`). Fails with a conflict if the slug is taken.
pub async fn create<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    slug: &str,
    name: &str,
    actor: &str,
) -> Result<TenantScope, ServiceError> {
    let slug = validate::slug("slug", slug)?;
    let name = validate::text("name", name, 200)?;
    if tenants::find_by_slug(db, &slug).await?.is_some() {
        return Err(ServiceError::conflict(Message::AlreadyExists {
            what: Named::TenantSlug,
            value: slug,
        }));
    }
    let txn = db.begin().await?;
    let tenant = tenants::insert(&txn, &slug, name).await?;
    let scope = TenantScope::new(tenant.id);
    audit::record(
        &txn,
        scope,
        AuditEntry {
            actor,
            action: "create",
            entity_type: "tenant",
            entity_id: Some(slug.clone()),
            old_value: None,
            new_value: Some(name.to_owned()),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(scope)
}

/// Adds a council with its departments (idempotent by council slug and department name).
pub async fn ensure_council(
    db: &DatabaseConnection,
    scope: TenantScope,
    slug: &str,
    name: &str,
    departments: &[&str],
) -> Result<(), ServiceError> {
    let txn = db.begin().await?;
    let council = match councils::find_by_slug(&txn, scope, slug).await? {
        Some(council) => council,
        None => councils::insert(&txn, scope, slug, name, 0).await?,
    };
    for (order, department) in departments.iter().enumerate() {
        councils::ensure_department(&txn, scope, council.id, department, order as i32).await?;
    }
    tenants::touch(&txn, scope).await?;
    txn.commit().await?;
    Ok(())
}
