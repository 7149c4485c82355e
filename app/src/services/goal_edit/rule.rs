//! A goal's rule: shown in words beside what it falls back to, previewed (the month's
//! verdicts under the edited rule, before saving), saved revision-checked and audited.

use chrono::NaiveDate;
use engine::assess::{Language, Rule};
use sea_orm::DatabaseConnection;

use super::tree::Tree;
use super::{open_draft, record, stale};
use crate::db::repo::{goals, rows, tenants};
use crate::domain::{GoalId, PlanId};
use crate::exchange::document as doc;
use crate::exchange::export;
use crate::exchange::validate::rule_keys;
use crate::model::{Message, Role, RuleEditor, RuleForm, RuleInput, RulePreview, RuleSaved, echo};
use crate::services::assessment::{self, InputsCache, PlanInputs, plan::default_rule};
use crate::services::context::TenantContext;
use crate::services::{ServiceError, follow_up, rules};

/// The goal's inputs (indicators, then sub-goals) in the plan's order.
fn inputs(plan: &doc::PlanContent, code: &str) -> Vec<RuleInput> {
    let indicators = (plan.indicators.iter().filter(|i| i.goal == code)).map(|i| RuleInput {
        key: i.code.clone(),
        label: i.name.clone(),
    });
    let sub_goals = (plan.goals.iter().filter(|g| g.parent.as_deref() == Some(code))).map(|g| RuleInput {
        key: g.code.clone(),
        label: format!("{} {}", g.number, g.title).trim().to_owned(),
    });
    indicators.chain(sub_goals).collect()
}

/// The rule a goal follows without one of its own: its level's, else the built-in default.
fn inherited(levels: &[doc::Level], plan: &doc::PlanContent, goal: &doc::Goal) -> Rule {
    let level = levels.iter().find(|l| l.key == goal.level);
    match level.and_then(|l| l.rule.clone()) {
        Some(rule) => rule,
        None => {
            let own = plan.indicators.iter().any(|i| i.goal == goal.code)
                || plan.assignments.iter().any(|a| a.goal.as_ref() == Some(&goal.code))
                    && level.is_some_and(|l| l.assignment_inputs);
            let children = plan.goals.iter().any(|g| g.parent.as_ref() == Some(&goal.code));
            default_rule(!own && children)
        }
    }
}

fn find<'a>(inputs: &'a PlanInputs, code: &str) -> Result<&'a doc::Goal, ServiceError> {
    (inputs.plan.content.goals.iter())
        .find(|g| g.code == code)
        .ok_or(ServiceError::NotFound)
}

/// The goal's rule in the editor, described in `language`.
pub(super) fn editor(inputs: &PlanInputs, code: &str, language: Language) -> Result<RuleEditor, ServiceError> {
    let goal = find(inputs, code)?;
    let content = &inputs.plan.content;
    let inherited = inherited(&inputs.levels, content, goal);
    Ok(RuleEditor {
        form: rules::rule_form(goal.rule.as_ref()),
        inputs: self::inputs(content, code),
        current: goal.rule.as_ref().unwrap_or(&inherited).text(language),
        inherited: inherited.text(language),
    })
}

/// Fails on the first input `rule` names that is not one of goal `code`'s own.
fn names_own_inputs(code: &str, rule: Option<&Rule>, own: impl Fn(&str) -> bool) -> Result<(), ServiceError> {
    let mut named = Vec::new();
    if let Some(rule) = rule {
        rule_keys(rule, &mut named);
    }
    match named.into_iter().find(|key| !own(key)) {
        Some(key) => Err(ServiceError::invalid(
            "rule",
            Message::NotAnInput {
                key: echo(key),
                goal: code.to_owned(),
            },
        )),
        None => Ok(()),
    }
}

/// A goal's stored rule, its revision, and its editor (the rule in force in words). Any role.
pub async fn current(
    db: &DatabaseConnection,
    cache: &InputsCache,
    ctx: &TenantContext,
    plan_id: PlanId,
    code: &str,
) -> Result<(Option<Rule>, i32, RuleEditor), ServiceError> {
    let scope = ctx.scope();
    let tree = Tree::load(db, scope, plan_id).await?;
    let goal = tree.goal(code)?;
    let inputs = assessment::cached_inputs(db, cache, scope, plan_id).await?;
    let editor = editor(&inputs.1, code, ctx.locale().language())?;
    Ok((export::optional_json(&goal.rule)?, goal.revision, editor))
}

/// A checked rule naming only the goal's own inputs.
fn checked(inputs: &PlanInputs, code: &str, rule: Option<Rule>) -> Result<Option<Rule>, ServiceError> {
    let own = self::inputs(&inputs.plan.content, code);
    names_own_inputs(code, rule.as_ref(), |key| own.iter().any(|i| i.key == key))?;
    if let Some(rule) = &rule {
        rule.validate()
            .map_err(|e| ServiceError::invalid("rule", (&e).into()))?;
    }
    Ok(rule)
}

/// The form's rule, checked against the goal.
pub(super) fn from_form(inputs: &PlanInputs, code: &str, form: &RuleForm) -> Result<Option<Rule>, ServiceError> {
    let stored = find(inputs, code)?.rule.as_ref();
    checked(inputs, code, rules::checked_rule(form, stored)?)
}

/// Today's verdicts (at the month the follow-up opens on) if the goal had `rule`: the goal
/// first, then every other verdict of the plan that would change. Admins.
pub async fn preview(
    db: &DatabaseConnection,
    cache: &InputsCache,
    ctx: &TenantContext,
    plan_id: PlanId,
    code: &str,
    rule: Option<Rule>,
    today: NaiveDate,
) -> Result<RulePreview, ServiceError> {
    ctx.require(Role::Admin)?;
    let current = assessment::cached_inputs(db, cache, ctx.scope(), plan_id).await?;
    preview_of(&current.1, ctx, code, rule, today)
}

/// The preview of `rule` for goal `code` of the plan read as `current`.
fn preview_of(
    current: &PlanInputs,
    ctx: &TenantContext,
    code: &str,
    rule: Option<Rule>,
    today: NaiveDate,
) -> Result<RulePreview, ServiceError> {
    let rule = checked(current, code, rule)?;
    let mut edited = current.clone();
    for goal in edited.plan.content.goals.iter_mut().filter(|g| g.code == code) {
        goal.rule = rule.clone();
    }
    let at = follow_up::opening_month(current, today)?;
    let language = ctx.locale().language();
    let (before, after) = (current.assess(at, language), edited.assess(at, language));
    let goal = after
        .iter()
        .find(|a| a.kind == crate::model::VerdictKind::Goal && a.code == code);
    Ok(RulePreview {
        month: at.to_string(),
        changes: rules::changes(&before, &after, goal),
    })
}

/// Preview of the editor's form (see [`preview`]).
pub async fn preview_form(
    db: &DatabaseConnection,
    cache: &InputsCache,
    ctx: &TenantContext,
    plan_id: PlanId,
    code: &str,
    form: &RuleForm,
    today: NaiveDate,
) -> Result<RulePreview, ServiceError> {
    ctx.require(Role::Admin)?;
    let current = assessment::cached_inputs(db, cache, ctx.scope(), plan_id).await?;
    let rule = from_form(&current.1, code, form)?;
    preview_of(&current.1, ctx, code, rule, today)
}

/// Sets the goal's rule (`None`: its level's) if nobody changed the goal since `revision`;
/// returns the new revision. The plan must be a draft.
pub async fn save(
    db: &DatabaseConnection,
    cache: &InputsCache,
    ctx: &TenantContext,
    plan_id: PlanId,
    code: &str,
    revision: i32,
    rule: Option<Rule>,
) -> Result<i32, ServiceError> {
    ctx.require(Role::Admin)?;
    let current = assessment::cached_inputs(db, cache, ctx.scope(), plan_id).await?;
    let rule = checked(&current.1, code, rule)?;
    let (txn, tree, scope): (_, Tree, _) = open_draft(db, ctx, plan_id).await?;
    let goal = tree.goal(code)?;
    let before: Option<Rule> = export::optional_json(&goal.rule)?;
    // The inputs a rule names were read before the transaction: check again inside it.
    let indicators = rows::indicators_of_plan(&txn, scope, plan_id).await?;
    let own = |key: &str| {
        indicators.iter().any(|i| i.goal_id == goal.id && i.code == key)
            || tree.goals.iter().any(|g| g.parent_id == Some(goal.id) && g.code == key)
    };
    names_own_inputs(code, rule.as_ref(), own)?;
    let stored = rule.as_ref().map(crate::exchange::import::json_text);
    if !goals::set_rule_if_revision(&txn, scope, GoalId::from_uuid(goal.id), revision, stored).await? {
        return Err(stale(code));
    }
    let text = |rule: &Option<Rule>| {
        let words = rule.as_ref().map_or_else(|| "–".to_owned(), Rule::swedish);
        serde_json::json!({ "rule": words }).to_string()
    };
    record(
        &txn,
        scope,
        ctx.actor(),
        "rule",
        goal.id,
        Some(text(&before)),
        Some(text(&rule)),
    )
    .await?;
    tenants::touch(&txn, scope).await?;
    txn.commit().await?;
    Ok(revision + 1)
}

/// Saves the editor's form (see [`save`]); returns the new revision and the rule in force.
pub async fn save_form(
    db: &DatabaseConnection,
    cache: &InputsCache,
    ctx: &TenantContext,
    plan_id: PlanId,
    code: &str,
    revision: i32,
    form: &RuleForm,
) -> Result<RuleSaved, ServiceError> {
    ctx.require(Role::Admin)?;
    let current = assessment::cached_inputs(db, cache, ctx.scope(), plan_id).await?;
    let rule = from_form(&current.1, code, form)?;
    let revision = save(db, cache, ctx, plan_id, code, revision, rule).await?;
    let now = assessment::cached_inputs(db, cache, ctx.scope(), plan_id).await?;
    let current = editor(&now.1, code, ctx.locale().language())?.current;
    Ok(RuleSaved { revision, current })
}
