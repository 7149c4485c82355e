//! An indicator's own assessment method over the REST API, by the indicator's code: read by
//! any role; set by admins through the indicator editor's save, so it is checked against
//! the revision, written to the indicator's history and refused on an adopted plan. A
//! preview shows what a method would change before it is saved.

use chrono::NaiveDate;
use engine::assess::Method;
use sea_orm::DatabaseConnection;

use super::assessment::InputsCache;
use super::context::TenantContext;
use super::verdict_preview::{self, Lead};
use super::{ServiceError, indicator_edit, rules, tenant_method};
use crate::db::repo::indicators;
use crate::domain::PlanId;
use crate::exchange::export;
use crate::model::{MethodForm, Role, RulePreview, VerdictKind};

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

/// Today's verdicts if the indicator had `method` (`None`: the municipality's): the indicator
/// first, then every other verdict that would change, in its plan and in the municipality's
/// plan its goals contribute to. Admins.
pub async fn preview(
    db: &DatabaseConnection,
    cache: &InputsCache,
    ctx: &TenantContext,
    code: &str,
    method: Option<Method>,
    today: NaiveDate,
) -> Result<RulePreview, ServiceError> {
    ctx.require(Role::Admin)?;
    let row = indicators::find_by_code(db, ctx.scope(), code)
        .await?
        .ok_or(ServiceError::NotFound)?;
    tenant_method::checked(method.as_ref())?;
    let plan = PlanId::from_uuid(row.plan_id);
    let lead = Lead {
        plan,
        kind: VerdictKind::Indicator,
        code,
    };
    verdict_preview::across_plans(db, cache, ctx, today, Some(lead), |inputs| {
        inputs.reads(plan).then(|| {
            inputs.edited(|edited| {
                if edited.summary.id == plan {
                    for indicator in edited.plan.content.indicators.iter_mut().filter(|i| i.code == code) {
                        indicator.method = method;
                    }
                }
            })
        })
    })
    .await
}

/// Preview of the indicator editor's method (see [`preview`]).
pub async fn preview_form(
    db: &DatabaseConnection,
    cache: &InputsCache,
    ctx: &TenantContext,
    code: &str,
    form: &MethodForm,
    today: NaiveDate,
) -> Result<RulePreview, ServiceError> {
    preview(db, cache, ctx, code, rules::checked_method(form)?, today).await
}
