//! An indicator's own assessment method over the REST API, by the indicator's code: read by
//! any role; set by admins through the indicator editor's save, so it is checked against
//! the revision, written to the indicator's history and refused on an adopted plan.

use engine::assess::Method;
use sea_orm::DatabaseConnection;

use super::context::TenantContext;
use super::{ServiceError, indicator_edit, rules, tenant_method};
use crate::db::repo::indicators;
use crate::exchange::export;

/// The indicator's own method (`None`: the municipality's), its revision, and the method
/// in force in words.
pub async fn current(
    db: &DatabaseConnection,
    ctx: &TenantContext,
    code: &str,
) -> Result<(Option<Method>, i32, String), ServiceError> {
    let row = indicators::find_by_code(db, ctx.scope(), code)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let own: Option<Method> = export::optional_json(&row.method)?;
    let in_force = match &own {
        Some(method) => method.text(ctx.locale().language()),
        None => tenant_method::current(db, ctx).await?.2,
    };
    Ok((own, row.revision, in_force))
}

/// Sets the indicator's own method if it is still at `revision`; returns the new revision.
pub async fn set(
    db: &DatabaseConnection,
    ctx: &TenantContext,
    code: &str,
    revision: i32,
    method: Option<&Method>,
) -> Result<i32, ServiceError> {
    let view = indicator_edit::load(db, ctx, code).await?;
    let mut form = view.form;
    form.method = rules::method_form(method);
    indicator_edit::save(db, ctx, view.id, revision, form).await
}
