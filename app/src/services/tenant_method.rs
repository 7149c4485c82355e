//! The municipality's method for indicators that have none of their own: in words, a
//! preview of what a change would do to every plan's verdicts, and saving it against the
//! tenant's revision, audited.

use chrono::NaiveDate;
use engine::assess::{Language, Method};
use sea_orm::{DatabaseConnection, TransactionTrait};
use serde_json::json;

use super::assessment::{InputsCache, plan::default_method};
use super::context::TenantContext;
use super::{ServiceError, history, rules, verdict_preview};
use crate::db::repo::tenants;
use crate::exchange::import::json_text;
use crate::model::{MethodForm, MethodSaved, Role, RulePreview, Thing};

pub(super) const ENTITY: &str = "tenant";

/// The method in words; without one, the built-in default's.
pub fn text(method: Option<&Method>, language: Language) -> String {
    match method {
        Some(method) => method.text(language),
        None => format!(
            "{}: {}",
            language.pick("Inbyggd standard", "Built-in default"),
            default_method().text(language)
        ),
    }
}

/// The method (`None`: the built-in default), the tenant's revision, and the method in words.
pub async fn current(
    db: &DatabaseConnection,
    ctx: &TenantContext,
) -> Result<(Option<Method>, i32, String), ServiceError> {
    let tenant = tenants::find_by_id(db, ctx.scope().tenant_id())
        .await?
        .ok_or(ServiceError::NotFound)?;
    let method: Option<Method> = crate::exchange::export::optional_json(&tenant.indicator_method)?;
    let words = text(method.as_ref(), ctx.locale().language());
    Ok((method, tenant.revision, words))
}

/// Every verdict of the tenant's plans that `method` would change, each plan at the month
/// its follow-up opens on. Admins.
pub async fn preview(
    db: &DatabaseConnection,
    cache: &InputsCache,
    ctx: &TenantContext,
    method: Option<Method>,
    today: NaiveDate,
) -> Result<RulePreview, ServiceError> {
    ctx.require(Role::Admin)?;
    checked(method.as_ref())?;
    verdict_preview::across_plans(db, cache, ctx, today, None, |inputs| {
        Some(inputs.edited(|plan| plan.method = method))
    })
    .await
}

/// Fails on a method the engine would refuse (a negative margin, say).
pub(super) fn checked(method: Option<&Method>) -> Result<(), ServiceError> {
    match method.map(|m| m.validate()) {
        Some(Err(e)) => Err(ServiceError::invalid("method", (&e).into())),
        _ => Ok(()),
    }
}

/// Sets the method (`None`: the built-in default) if the tenant is still at `revision`.
pub async fn save(
    db: &DatabaseConnection,
    ctx: &TenantContext,
    revision: i32,
    method: Option<Method>,
) -> Result<MethodSaved, ServiceError> {
    ctx.require(Role::Admin)?;
    let scope = ctx.scope();
    checked(method.as_ref())?;
    let txn = db.begin().await?;
    if !tenants::lock_texts(&txn, scope, revision).await? {
        return Err(ServiceError::stale(Thing::Method, None));
    }
    let tenant = tenants::find_by_id(&txn, scope.tenant_id())
        .await?
        .ok_or(ServiceError::NotFound)?;
    let before: Option<Method> = crate::exchange::export::optional_json(&tenant.indicator_method)?;
    tenants::set_indicator_method(&txn, scope, method.as_ref().map(json_text)).await?;
    let words = |m: &Option<Method>| json!({ "indicator_method": text(m.as_ref(), Language::Swedish) }).to_string();
    let id = scope.tenant_id().to_string();
    history::record(
        &txn,
        ctx,
        ENTITY,
        "method",
        id,
        Some(words(&before)),
        Some(words(&method)),
    )
    .await?;
    tenants::touch(&txn, scope).await?;
    txn.commit().await?;
    Ok(MethodSaved {
        revision: revision + 1,
        text: text(method.as_ref(), ctx.locale().language()),
    })
}

/// Preview of the editor's form (see [`preview`]).
pub async fn preview_form(
    db: &DatabaseConnection,
    cache: &InputsCache,
    ctx: &TenantContext,
    form: &MethodForm,
    today: NaiveDate,
) -> Result<RulePreview, ServiceError> {
    preview(db, cache, ctx, rules::checked_method(form)?, today).await
}

/// Saves the editor's form (see [`save`]).
pub async fn save_form(
    db: &DatabaseConnection,
    ctx: &TenantContext,
    revision: i32,
    form: &MethodForm,
) -> Result<MethodSaved, ServiceError> {
    save(db, ctx, revision, rules::checked_method(form)?).await
}
