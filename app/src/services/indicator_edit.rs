//! Editing an indicator (admins): every field and its targets per year, with optimistic
//! locking (a save based on an older revision is a conflict, nothing is lost) and an audit
//! entry holding the old and new values, shown as the indicator's history.

use sea_orm::{DatabaseConnection, TransactionTrait};
use uuid::Uuid;

use super::context::TenantContext;
use super::{ServiceError, history, rules, validate};
use crate::db::entities::{indicator, indicator_target};
use crate::db::repo::audit::{self, AuditEntry};
use crate::db::repo::{councils, indicators, rows};
use crate::domain::{Carry, CouncilId, DepartmentId, IndicatorId, PlanId, PlanStatus};
use crate::exchange::import::json_text;
use crate::exchange::validate::{MAX_CODE, MAX_DECIMALS, MAX_UNIT, indicator_code_char};
use crate::model::{
    CodeChars, IndicatorEditView, IndicatorForm, Known, Message, Named, Role, TargetInput, Thing, echo,
};
use engine::assess::Method;
use engine::{Periodicity, Target};

const ENTITY: &str = "indicator";

/// The edit page's data. Admins only; another tenant's code is not found.
pub async fn load(db: &DatabaseConnection, ctx: &TenantContext, code: &str) -> Result<IndicatorEditView, ServiceError> {
    ctx.require(Role::Admin)?;
    let scope = ctx.scope();
    let row = indicators::find_by_code(db, scope, code)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let plan = rows::find_plan(db, scope, PlanId::from_uuid(row.plan_id))
        .await?
        .ok_or(ServiceError::NotFound)?;
    let goal = rows::goals_of_plan(db, scope, PlanId::from_uuid(plan.id))
        .await?
        .into_iter()
        .find(|g| g.id == row.goal_id)
        .map(|g| format!("{} {}", g.number, g.title))
        .unwrap_or_default();
    let council = councils::list_with_departments(db, scope)
        .await?
        .into_iter()
        .find(|c| c.id == CouncilId::from_uuid(plan.council_id))
        .ok_or_else(|| ServiceError::Corrupt("plan without council".into()))?;
    let targets = rows::targets_of(db, scope, vec![row.id]).await?;
    let form = form_of(&row, &targets, &council.departments);
    let history = history::entries(audit::for_entity(db, scope, ENTITY, &row.id.to_string()).await?);
    let first_year = plan.first_year;
    let last_year = plan.last_year;
    let mut form = form;
    // Offer a row for every plan year, so a missing target can be added.
    for year in first_year..=last_year {
        if !form.targets.iter().any(|t| t.year == year) {
            form.targets.push(TargetInput {
                year,
                ..Default::default()
            });
        }
    }
    form.targets.sort_by_key(|t| t.year);
    Ok(IndicatorEditView {
        id: IndicatorId::from_uuid(row.id),
        code: row.code,
        revision: row.revision,
        plan_id: PlanId::from_uuid(plan.id),
        plan_name: plan.name,
        editable: plan.status != PlanStatus::Adopted,
        goal,
        departments: council.departments.into_iter().map(|d| d.name).collect(),
        form,
        history,
    })
}

fn form_of(
    row: &indicator::Model,
    targets: &[indicator_target::Model],
    departments: &[crate::model::Department],
) -> IndicatorForm {
    let mut targets: Vec<TargetInput> = targets
        .iter()
        .map(|t| {
            let target: Option<Target> = serde_json::from_str(&t.target).ok();
            TargetInput {
                year: t.year,
                statement: matches!(target, Some(Target::Statement { .. })),
                text: target.map(|t| t.to_string()).unwrap_or_default(),
                label: t.label.clone().unwrap_or_default(),
            }
        })
        .collect();
    targets.sort_by_key(|t| t.year);
    let method: Option<Method> = row.method.as_deref().and_then(|m| serde_json::from_str(m).ok());
    IndicatorForm {
        name: row.name.clone(),
        definition: row.definition.clone(),
        kind: row.kind,
        unit: row.unit.clone(),
        decimals: row.decimals as u32,
        direction: row.direction,
        periodicity: row.periodicity.clone(),
        cumulative: row.cumulative,
        department: row
            .department_id
            .and_then(|id| departments.iter().find(|d| d.id == DepartmentId::from_uuid(id)))
            .map(|d| d.name.clone())
            .unwrap_or_default(),
        source: row.source.clone().unwrap_or_default(),
        kolada: row.kolada.clone().unwrap_or_default(),
        baseline_value: row.baseline_value.clone().unwrap_or_default(),
        baseline_label: row.baseline_label.clone().unwrap_or_default(),
        footnotes: serde_json::from_str::<Vec<String>>(&row.footnotes)
            .unwrap_or_default()
            .join("\n"),
        targets,
        method: rules::method_form(method.as_ref()),
    }
}

fn optional(value: &str) -> Option<String> {
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_owned())
}

type CheckedTargets = Vec<(i32, Target, Option<String>)>;

/// The form checked and applied to `row` (its identity, goal and position kept), with the
/// targets per year.
fn apply(
    form: &IndicatorForm,
    council: &crate::model::Council,
    row: indicator::Model,
) -> Result<(indicator::Model, CheckedTargets), ServiceError> {
    let name = validate::text("name", &form.name, 500)?.to_owned();
    let unit = form.unit.trim().to_owned();
    let length = unit.chars().count();
    if length > MAX_UNIT {
        return Err(ServiceError::invalid(
            "unit",
            Message::TooLong { max: MAX_UNIT, length },
        ));
    }
    if form.decimals > MAX_DECIMALS {
        let message = Message::AtMost {
            max: MAX_DECIMALS.into(),
            value: form.decimals.into(),
        };
        return Err(ServiceError::invalid("decimals", message));
    }
    let periodicity: Periodicity = form.periodicity.parse().map_err(|_| {
        let message = Message::NotOneOf {
            text: echo(&form.periodicity),
            allowed: Periodicity::ALL.iter().map(|p| p.as_str().to_owned()).collect(),
        };
        ServiceError::invalid("periodicity", message)
    })?;
    let department_id = match optional(&form.department) {
        None => None,
        Some(name) => Some(
            council
                .departments
                .iter()
                .find(|d| d.name == name)
                .map(|d| d.id)
                .ok_or_else(|| {
                    let message = Message::NotADepartment {
                        name: echo(&name),
                        council: council.name.clone(),
                    };
                    ServiceError::invalid("department", message)
                })?,
        ),
    };
    let footnotes: Vec<String> = form
        .footnotes
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    let targets = parse_targets(&form.targets)?;
    let method = rules::checked_method(&form.method)?;

    let row = indicator::Model {
        name,
        definition: form.definition.trim().to_owned(),
        kind: form.kind,
        unit,
        decimals: form.decimals as i32,
        direction: form.direction,
        periodicity: periodicity.as_str().to_owned(),
        cumulative: form.cumulative,
        department_id: department_id.map(DepartmentId::uuid),
        source: optional(&form.source),
        kolada: optional(&form.kolada),
        baseline_value: optional(&form.baseline_value),
        baseline_label: optional(&form.baseline_label),
        footnotes: json_text(&footnotes),
        method: method.as_ref().map(json_text),
        ..row
    };
    Ok((row, targets))
}

/// Saves the form if nobody else saved since `revision`; returns the new revision.
pub async fn save(
    db: &DatabaseConnection,
    ctx: &TenantContext,
    id: IndicatorId,
    revision: i32,
    form: IndicatorForm,
) -> Result<i32, ServiceError> {
    ctx.require(Role::Admin)?;
    let scope = ctx.scope();
    let txn = db.begin().await?;
    // A write first, so the transaction starts as a writer (see plan_decisions::lock_draft).
    crate::db::repo::tenants::touch(&txn, scope).await?;
    let current = indicators::find(&txn, scope, id).await?.ok_or(ServiceError::NotFound)?;
    let plan = rows::find_plan(&txn, scope, PlanId::from_uuid(current.plan_id))
        .await?
        .ok_or(ServiceError::NotFound)?;
    super::plan_decisions::lock_draft(&txn, scope, PlanId::from_uuid(plan.id)).await?;
    let council = councils::list_with_departments(&txn, scope)
        .await?
        .into_iter()
        .find(|c| c.id == CouncilId::from_uuid(plan.council_id))
        .ok_or_else(|| ServiceError::Corrupt("plan without council".into()))?;

    let (updated, targets) = apply(&form, &council, current.clone())?;
    let before = form_of(
        &current,
        &rows::targets_of(&txn, scope, vec![id.into()]).await?,
        &council.departments,
    );
    if !indicators::update_if_revision(&txn, scope, &updated, revision).await? {
        return Err(ServiceError::stale(Thing::Indicator, Some(&current.code)));
    }
    indicators::replace_targets(&txn, scope, id, target_rows(scope, id.into(), &targets)).await?;
    let after = form_of(
        &updated,
        &rows::targets_of(&txn, scope, vec![id.into()]).await?,
        &council.departments,
    );
    audit::record(
        &txn,
        scope,
        AuditEntry {
            actor: ctx.actor(),
            action: "update",
            entity_type: ENTITY,
            entity_id: Some(id.to_string()),
            old_value: Some(json_text(&before)),
            new_value: Some(json_text(&after)),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(revision + 1)
}

/// Adds an indicator to a draft plan's goal (on a level that carries indicators) with a
/// code unique in the tenant; returns the code. Targets and the rest follow in the editor.
pub async fn create(
    db: &DatabaseConnection,
    ctx: &TenantContext,
    plan_id: PlanId,
    goal_code: &str,
    code: &str,
    form: IndicatorForm,
) -> Result<String, ServiceError> {
    ctx.require(Role::Admin)?;
    let scope = ctx.scope();
    let code = code.trim();
    if code.is_empty() || code.len() > MAX_CODE || !code.chars().all(indicator_code_char) {
        let message = Message::InvalidCode {
            text: echo(code),
            max: MAX_CODE,
            allowed: CodeChars::IndicatorCode,
        };
        return Err(ServiceError::invalid("code", message));
    }
    let txn = db.begin().await?;
    super::plan_decisions::lock_draft(&txn, scope, plan_id).await?;
    let plan = rows::find_plan(&txn, scope, plan_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let goal = rows::goals_of_plan(&txn, scope, plan_id)
        .await?
        .into_iter()
        .find(|g| g.code == goal_code)
        .ok_or_else(|| {
            let message = Message::Unknown {
                what: Known::GoalInPlan,
                value: echo(goal_code),
            };
            ServiceError::invalid("goal", message)
        })?;
    let level = rows::goal_levels(&txn, scope)
        .await?
        .into_iter()
        .find(|l| l.id == goal.level_id)
        .ok_or_else(|| ServiceError::Corrupt(format!("goal {goal_code} without level")))?;
    if !super::structure::carries(&level)?.contains(&Carry::Indicators) {
        let message = Message::LevelDoesNotCarry {
            goal: format!("{} {}", goal.number, goal.title).trim().to_owned(),
            level: level.name,
            carry: Carry::Indicators,
        };
        return Err(ServiceError::invalid("goal", message));
    }
    if indicators::find_by_code(&txn, scope, code).await?.is_some() {
        let message = Message::AlreadyExists {
            what: Named::IndicatorCode,
            value: code.to_owned(),
        };
        return Err(ServiceError::invalid("code", message));
    }
    let council = councils::list_with_departments(&txn, scope)
        .await?
        .into_iter()
        .find(|c| c.id == CouncilId::from_uuid(plan.council_id))
        .ok_or_else(|| ServiceError::Corrupt("plan without council".into()))?;
    let position = rows::indicators_of_plan(&txn, scope, plan_id)
        .await?
        .iter()
        .map(|i| i.position + 1)
        .max()
        .unwrap_or_default();
    let blank = indicator::Model {
        tenant_id: scope.tenant_id(),
        id: Uuid::now_v7(),
        plan_id: plan_id.into(),
        goal_id: goal.id,
        position,
        code: code.to_owned(),
        name: String::new(),
        definition: String::new(),
        kind: form.kind,
        unit: String::new(),
        decimals: 0,
        direction: form.direction,
        periodicity: String::new(),
        cumulative: false,
        department_id: None,
        source: None,
        kolada: None,
        baseline_value: None,
        baseline_label: None,
        footnotes: String::new(),
        revision: 1,
        method: None,
        economy: None,
    };
    let (row, targets) = apply(&form, &council, blank)?;
    let id = row.id;
    rows::insert(&txn, scope, vec![row.clone()]).await?;
    indicators::replace_targets(
        &txn,
        scope,
        IndicatorId::from_uuid(id),
        target_rows(scope, id, &targets),
    )
    .await?;
    let after = form_of(
        &row,
        &rows::targets_of(&txn, scope, vec![id]).await?,
        &council.departments,
    );
    let entry = AuditEntry {
        actor: ctx.actor(),
        action: "create",
        entity_type: ENTITY,
        entity_id: Some(id.to_string()),
        old_value: None,
        new_value: Some(json_text(&after)),
    };
    audit::record(&txn, scope, entry).await?;
    crate::db::repo::tenants::touch(&txn, scope).await?;
    txn.commit().await?;
    Ok(code.to_owned())
}

fn target_rows(scope: crate::db::TenantScope, id: Uuid, targets: &CheckedTargets) -> Vec<indicator_target::Model> {
    targets
        .iter()
        .map(|(year, target, label)| indicator_target::Model {
            tenant_id: scope.tenant_id(),
            indicator_id: id,
            year: *year,
            target: json_text(target),
            label: label.clone(),
        })
        .collect()
}

fn parse_targets(inputs: &[TargetInput]) -> Result<CheckedTargets, ServiceError> {
    let mut out: Vec<(i32, Target, Option<String>)> = Vec::new();
    for input in inputs {
        let text = input.text.trim();
        if text.is_empty() {
            continue;
        }
        let (first, last) = (engine::period::FIRST_YEAR, engine::period::LAST_YEAR);
        if !(first..=last).contains(&input.year) {
            let value = input.year.to_string();
            return Err(ServiceError::invalid(
                "targets",
                Message::OutsideYears { value, first, last },
            ));
        }
        if out.iter().any(|(y, ..)| *y == input.year) {
            let message = Message::AlreadyExists {
                what: Named::TargetYear,
                value: input.year.to_string(),
            };
            return Err(ServiceError::invalid("targets", message));
        }
        let target = if input.statement {
            Target::Statement { text: text.to_owned() }
        } else {
            Target::parse(text).map_err(|e| {
                let message = Message::ForYear {
                    year: input.year,
                    problem: Box::new((&e).into()),
                };
                ServiceError::invalid("targets", message)
            })?
        };
        out.push((input.year, target, optional(&input.label)));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_are_parsed_with_the_year_in_the_message() {
        let input = |year, text: &str| TargetInput {
            year,
            text: text.into(),
            ..Default::default()
        };
        let parsed = parse_targets(&[input(2026, "<= 24"), input(2027, ""), input(2028, "Öka")]).expect("valid");
        assert_eq!(parsed.len(), 2, "empty years have no target");
        let err = parse_targets(&[input(2026, "sex")]).expect_err("invalid");
        assert!(
            err.to_string().starts_with("targets: 2026: \"sex\" is not a target"),
            "{err}"
        );
        let err = parse_targets(&[input(2026, "5"), input(2026, "6")]).expect_err("twice");
        assert_eq!(err.to_string(), "targets: there is already a target for \"2026\"");
    }
}
