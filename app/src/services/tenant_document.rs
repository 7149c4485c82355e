//! The tenant document in and out as a whole: who may import and export it, and the
//! all-or-nothing load into a new or empty tenant. The document's shape, validation and
//! the reading and writing of rows are `crate::exchange`'s.

use sea_orm::{DatabaseConnection, TransactionTrait};

use super::context::TenantContext;
use super::{ServiceError, tenants};
use crate::db::TenantScope;
use crate::db::repo::audit::{self, AuditEntry};
use crate::db::repo::rows;
use crate::exchange::document::TenantDocument;
use crate::exchange::import::json_text;
use crate::exchange::{ImportSummary, export, import, validate};
use crate::model::{Message, Role};

/// `malbild import FILE [--as SLUG]`: loads a document into a new or empty tenant, all or
/// nothing. Every problem in the document is reported before anything is written.
pub async fn import_document(
    db: &DatabaseConnection,
    mut doc: TenantDocument,
    as_slug: Option<&str>,
    actor: &str,
) -> Result<ImportSummary, ServiceError> {
    if let Some(slug) = as_slug {
        doc.tenant.slug = slug.to_owned();
    }
    let problems = validate::document(&doc);
    if !problems.is_empty() {
        return Err(ServiceError::Rejected(problems));
    }
    let txn = db.begin().await?;
    let scope = match tenants::operator_scope(&txn, &doc.tenant.slug).await {
        Ok(scope) => {
            if has_plan_data(&txn, scope).await? {
                return Err(ServiceError::conflict(Message::TenantNotEmpty {
                    tenant: doc.tenant.slug.clone(),
                }));
            }
            scope
        }
        Err(ServiceError::NotFound) => tenants::create(&txn, &doc.tenant.slug, &doc.tenant.name, actor).await?,
        Err(other) => return Err(other),
    };
    let summary = import::write(&txn, scope, &doc, actor).await?;
    audit::record(
        &txn,
        scope,
        AuditEntry {
            actor,
            action: "import",
            entity_type: "tenant",
            entity_id: Some(doc.tenant.slug.clone()),
            old_value: None,
            new_value: Some(json_text(&summary)),
        },
    )
    .await?;
    crate::db::repo::tenants::touch(&txn, scope).await?;
    txn.commit().await?;
    Ok(summary)
}

pub async fn has_plan_data(db: &impl sea_orm::ConnectionTrait, scope: TenantScope) -> Result<bool, ServiceError> {
    Ok(!rows::goal_levels(db, scope).await?.is_empty() || !rows::plans(db, scope).await?.is_empty())
}

/// `POST /api/v1/tenants/{tenant}/import`: an admin of a new or empty tenant (or a platform
/// admin) loads its configuration, councils and plans as a tenant document.
pub async fn import_for(
    db: &DatabaseConnection,
    ctx: &TenantContext,
    doc: TenantDocument,
) -> Result<ImportSummary, ServiceError> {
    ctx.require(Role::Admin)?;
    import_document(db, doc, Some(&ctx.me().tenant.slug), ctx.actor()).await
}

/// `GET /api/v1/tenants/{tenant}/export`: the whole tenant, for its admins.
pub async fn export_for(db: &DatabaseConnection, ctx: &TenantContext) -> Result<TenantDocument, ServiceError> {
    let scope = ctx.scope();
    ctx.require(Role::Admin)?;
    Ok(export::read(db, scope).await?)
}

/// `malbild export --tenant SLUG`: the operator's export.
pub async fn export_tenant(db: &DatabaseConnection, slug: &str) -> Result<TenantDocument, ServiceError> {
    let scope = tenants::operator_scope(db, slug).await?;
    Ok(export::read(db, scope).await?)
}
