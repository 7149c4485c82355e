//! The tenant's goal structure (admins): the ordered goal levels with their names,
//! numbering, text sections and what their goals may carry. A save is the whole list: each
//! level changed, added, moved or removed. It is checked against every plan of the
//! tenant, adopted versions included, before anything is written: a section some goal has
//! text in, a level some goal is on, or a kind of item some goal carries cannot go.

use std::collections::HashSet;

use sea_orm::{ConnectionTrait, DatabaseConnection, TransactionTrait};
use serde_json::json;
use uuid::Uuid;

use chrono::NaiveDate;

use super::assessment::plan::default_rule;
use super::assessment::{InputsCache, PlanInputs};
use super::context::TenantContext;
use super::{ServiceError, history, rules, tenant_method, validate, verdict_preview};
use engine::assess::{Language, Method, Rule};

use crate::db::TenantScope;
use crate::db::entities::goal_level;
use crate::db::repo::audit;
use crate::db::repo::{levels, rows, tenants};
use crate::domain::LevelId;
use crate::exchange::document::{self as doc, Carry};
use crate::exchange::import::level_row;
use crate::exchange::{self, export};
use crate::model::{
    LevelForm, Location, Message, Place, Problem, Role, RuleForm, RulePreview, StructureView, Thing, echo,
};

const ENTITY: &str = "goal_level";
const MAX_NAME: usize = 100;
const HISTORY: u64 = 200;

/// A problem with field `field` of the level at `at` (from 0) of the form.
fn invalid(at: usize, form: &LevelForm, field: &str, message: Message) -> ServiceError {
    let level = Place::LevelAt {
        nth: at + 1,
        name: echo(&form.name),
    };
    ServiceError::Rejected(vec![Problem::new(Location::of(level).field(field), message)])
}

/// A checked form as the document's level (the key is set by the caller).
fn checked(at: usize, form: &LevelForm) -> Result<doc::Level, ServiceError> {
    let name = form.name.trim();
    let plural = form.plural.trim();
    for (field, text) in [("name", name), ("plural", plural)] {
        if text.is_empty() {
            return Err(invalid(at, form, field, Message::Required));
        }
        let length = text.chars().count();
        if length > MAX_NAME {
            return Err(invalid(at, form, field, Message::TooLong { max: MAX_NAME, length }));
        }
    }
    let mut sections: Vec<String> = Vec::new();
    for title in form.sections.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        let length = title.chars().count();
        if length > MAX_NAME {
            return Err(invalid(
                at,
                form,
                "sections",
                Message::TooLong { max: MAX_NAME, length },
            ));
        }
        if sections.iter().any(|s| s == title) {
            return Err(invalid(
                at,
                form,
                "sections",
                Message::Duplicate {
                    value: title.to_owned(),
                },
            ));
        }
        sections.push(title.to_owned());
    }
    let mut carries: Vec<Carry> = Vec::new();
    for &carry in &form.carries {
        if !carries.contains(&carry) {
            carries.push(carry);
        }
    }
    carries.sort();
    if form.assignment_inputs && !carries.contains(&Carry::Assignments) {
        return Err(invalid(
            at,
            form,
            "assignment_inputs",
            Message::AssignmentInputsNeedCarry,
        ));
    }
    Ok(doc::Level {
        key: String::new(),
        name: name.to_owned(),
        plural: plural.to_owned(),
        numbering: form.numbering,
        sections,
        carries,
        rule: None,
        assignment_inputs: form.assignment_inputs,
        grouping: form.grouping,
    })
}

/// What goals of a stored level may carry.
pub(crate) fn carries(level: &goal_level::Model) -> Result<Vec<Carry>, ServiceError> {
    serde_json::from_str(&level.carries).map_err(|e| ServiceError::Corrupt(format!("level {} carries: {e}", level.key)))
}

/// A level's rule in words; without one, the built-in default's.
fn rule_text(rule: Option<&Rule>, language: Language) -> String {
    match rule {
        Some(rule) => rule.text(language),
        None => format!(
            "{}: {}",
            language.pick("Inbyggd standard", "Built-in default"),
            default_rule(false).text(language)
        ),
    }
}

fn form_of(row: &goal_level::Model, language: Language) -> Result<LevelForm, ServiceError> {
    let corrupt = |e: serde_json::Error| ServiceError::Corrupt(format!("level {}: {e}", row.key));
    let sections: Vec<String> = serde_json::from_str(&row.sections).map_err(corrupt)?;
    let carries: Vec<Carry> = serde_json::from_str(&row.carries).map_err(corrupt)?;
    let rule: Option<Rule> = export::optional_json(&row.rule)?;
    Ok(LevelForm {
        rule: rules::rule_form(rule.as_ref()),
        rule_text: rule_text(rule.as_ref(), language),
        id: Some(LevelId::from_uuid(row.id)),
        key: row.key.clone(),
        grouping: row.grouping,
        revision: row.revision,
        name: row.name.clone(),
        plural: row.plural.clone(),
        numbering: row.numbering,
        sections,
        carries,
        assignment_inputs: row.assignment_inputs,
    })
}

fn audit_text(level: &doc::Level, position: i32) -> String {
    json!({
        "position": position + 1,
        "name": level.name,
        "plural": level.plural,
        "numbering": level.numbering.as_str(),
        "sections": level.sections.join("; "),
        "carries": level.carries.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(", "),
        "assignment_inputs": level.assignment_inputs,
        "grouping": level.grouping,
        "rule": level.rule.as_ref().map_or_else(|| "–".to_owned(), Rule::swedish),
    })
    .to_string()
}

async fn sorted_levels(db: &impl ConnectionTrait, scope: TenantScope) -> Result<Vec<goal_level::Model>, ServiceError> {
    let mut levels = rows::goal_levels(db, scope).await?;
    levels.sort_by_key(|l| l.position);
    Ok(levels)
}

/// The levels and their history.
pub async fn load(db: &DatabaseConnection, ctx: &TenantContext) -> Result<StructureView, ServiceError> {
    ctx.require(Role::Admin)?;
    let scope = ctx.scope();
    let levels = sorted_levels(db, scope).await?;
    // Every level's changes, removed levels' too, newest first.
    let mut entries = audit::for_entity_prefix(db, scope, ENTITY, "", HISTORY).await?;
    entries.extend(audit::for_entity(db, scope, tenant_method::ENTITY, &scope.tenant_id().to_string()).await?);
    entries.sort_by_key(|e| std::cmp::Reverse((e.at, e.id)));
    let language = ctx.locale().language();
    let tenant = tenants::find_by_id(db, scope.tenant_id())
        .await?
        .ok_or(ServiceError::NotFound)?;
    let method: Option<Method> = export::optional_json(&tenant.indicator_method)?;
    Ok(StructureView {
        levels: (levels.iter().map(|l| form_of(l, language))).collect::<Result<_, _>>()?,
        history: history::entries(entries),
        method: rules::method_form(method.as_ref()),
        method_text: tenant_method::text(method.as_ref(), language),
        tenant_revision: tenant.revision,
    })
}

/// Saves the whole list of levels (see the module's note); returns the saved structure.
pub async fn save(
    db: &DatabaseConnection,
    ctx: &TenantContext,
    forms: &[LevelForm],
) -> Result<StructureView, ServiceError> {
    ctx.require(Role::Admin)?;
    let scope = ctx.scope();
    if forms.is_empty() {
        return Err(ServiceError::invalid("levels", Message::NoLevels));
    }
    let txn = db.begin().await?;
    // A write first, so the transaction starts as a writer (see plan_decisions::lock_draft).
    tenants::touch(&txn, scope).await?;
    let stored = sorted_levels(&txn, scope).await?;
    let kept: Vec<Uuid> = forms.iter().filter_map(|f| f.id.map(LevelId::uuid)).collect();
    if kept.iter().any(|id| !stored.iter().any(|l| l.id == *id)) {
        return Err(ServiceError::NotFound);
    }

    let mut taken: HashSet<String> = stored.iter().map(|l| l.key.clone()).collect();
    let mut new_levels = Vec::new();
    for (at, form) in forms.iter().enumerate() {
        let mut level = checked(at, form)?;
        let row = form.id.and_then(|id| stored.iter().find(|l| l.id == id.uuid()));
        let stored_rule: Option<Rule> = match row {
            Some(row) => export::optional_json(&row.rule)?,
            None => None,
        };
        level.rule = rules::checked_rule(&form.rule, stored_rule.as_ref()).map_err(|e| match e {
            ServiceError::Invalid { field, message } => invalid(at, form, field, message),
            other => other,
        })?;
        level.key = match row {
            Some(row) => row.key.clone(),
            None => {
                let key = validate::level_key_from_name(&level.name, &taken);
                taken.insert(key.clone());
                key
            }
        };
        new_levels.push(level);
    }

    // Every plan, adopted versions included, must still fit the structure.
    let mut document = export::read(&txn, scope).await?;
    document.levels = new_levels.clone();
    let problems = exchange::validate::document(&document);
    if !problems.is_empty() {
        return Err(ServiceError::Rejected(problems));
    }

    for (position, (form, level)) in forms.iter().zip(&new_levels).enumerate() {
        let position = i32::try_from(position).expect("few levels");
        let row = level_row(scope, form.id.map_or_else(Uuid::now_v7, LevelId::uuid), position, level);
        match stored.iter().find(|l| Some(l.id) == form.id.map(LevelId::uuid)) {
            None => {
                history::record(
                    &txn,
                    ctx,
                    ENTITY,
                    "create",
                    row.id.to_string(),
                    None,
                    Some(audit_text(level, position)),
                )
                .await?;
                rows::insert(&txn, scope, vec![row]).await?;
            }
            Some(old) => {
                let before = export::level_of(old)?;
                if before == *level && old.position == position {
                    continue;
                }
                if !levels::update_if_revision(&txn, scope, form.revision, &row).await? {
                    return Err(stale(&level.name));
                }
                let (old_text, new_text) = (audit_text(&before, old.position), audit_text(level, position));
                if old_text != new_text {
                    history::record(
                        &txn,
                        ctx,
                        ENTITY,
                        "update",
                        row.id.to_string(),
                        Some(old_text),
                        Some(new_text),
                    )
                    .await?;
                }
            }
        }
    }
    for old in stored.iter().filter(|l| !kept.contains(&l.id)) {
        let before = export::level_of(old)?;
        if !levels::delete_if_revision(&txn, scope, LevelId::from_uuid(old.id), old.revision).await? {
            return Err(stale(&old.name));
        }
        history::record(
            &txn,
            ctx,
            ENTITY,
            "delete",
            old.id.to_string(),
            Some(audit_text(&before, old.position)),
            None,
        )
        .await?;
    }
    txn.commit().await?;
    load(db, ctx).await
}

/// A level's own rule, its revision, and the rule in words, by the level's key. Admins.
pub async fn rule_of(
    db: &DatabaseConnection,
    ctx: &TenantContext,
    key: &str,
) -> Result<(Option<Rule>, i32, String), ServiceError> {
    ctx.require(Role::Admin)?;
    let levels = sorted_levels(db, ctx.scope()).await?;
    let level = levels.iter().find(|l| l.key == key).ok_or(ServiceError::NotFound)?;
    let rule: Option<Rule> = export::optional_json(&level.rule)?;
    let words = rule_text(rule.as_ref(), ctx.locale().language());
    Ok((rule, level.revision, words))
}

/// Sets one level's default rule (`None`: the built-in one) through the whole-list save, so
/// it is checked and audited the same way. Admins.
pub async fn set_rule(
    db: &DatabaseConnection,
    ctx: &TenantContext,
    key: &str,
    revision: i32,
    rule: Option<&Rule>,
) -> Result<StructureView, ServiceError> {
    if let Some(Rule::All { .. }) = rule {
        // The form cannot carry one, and the whole-list save would keep the stored rule.
        return Err(ServiceError::invalid("rule", Message::CombinedRuleInDocument));
    }
    let mut levels = load(db, ctx).await?.levels;
    let level = (levels.iter_mut().find(|l| l.key == key)).ok_or(ServiceError::NotFound)?;
    level.revision = revision;
    level.rule = rules::rule_form(rule);
    save(db, ctx, &levels).await
}

/// Every verdict that `rule` as level `key`'s default would change, in each plan with goals
/// on the level (see [`verdict_preview`]). Admins.
pub async fn preview_rule(
    db: &DatabaseConnection,
    cache: &InputsCache,
    ctx: &TenantContext,
    key: &str,
    rule: Option<Rule>,
    today: NaiveDate,
) -> Result<RulePreview, ServiceError> {
    ctx.require(Role::Admin)?;
    if !sorted_levels(db, ctx.scope()).await?.iter().any(|l| l.key == key) {
        return Err(ServiceError::NotFound);
    }
    if let Some(rule) = &rule {
        rule.validate()
            .map_err(|e| ServiceError::invalid("rule", (&e).into()))?;
    }
    let on_level = |inputs: &PlanInputs| inputs.plan.content.goals.iter().any(|g| g.level == key);
    verdict_preview::across_plans(db, cache, ctx, today, None, |inputs| {
        let reached = on_level(inputs) || inputs.contributors.iter().any(on_level);
        reached.then(|| {
            inputs.edited(|plan| {
                for level in plan.levels.iter_mut().filter(|l| l.key == key) {
                    level.rule = rule.clone();
                }
            })
        })
    })
    .await
}

/// Preview of a level's rule as the structure page's form holds it (see [`preview_rule`]).
pub async fn preview_rule_form(
    db: &DatabaseConnection,
    cache: &InputsCache,
    ctx: &TenantContext,
    key: &str,
    form: &RuleForm,
    today: NaiveDate,
) -> Result<RulePreview, ServiceError> {
    let (stored, _, _) = rule_of(db, ctx, key).await?;
    let rule = rules::checked_rule(form, stored.as_ref())?;
    preview_rule(db, cache, ctx, key, rule, today).await
}

fn stale(name: &str) -> ServiceError {
    ServiceError::stale(Thing::Level, Some(name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Numbering;

    fn form(name: &str, numbering: Numbering, sections: &[&str], carries: &[Carry]) -> LevelForm {
        LevelForm {
            name: name.into(),
            plural: name.into(),
            numbering,
            sections: sections.iter().map(|s| s.to_string()).collect(),
            carries: carries.to_vec(),
            ..LevelForm::default()
        }
    }

    #[test]
    fn a_level_form_is_trimmed_and_checked_with_the_level_named() {
        let level = checked(
            0,
            &form(
                " Nämndmål ",
                Numbering::Nested,
                &[" Beskrivning ", ""],
                &[Carry::Indicators, Carry::Indicators],
            ),
        )
        .expect("valid");
        assert_eq!((level.name.as_str(), level.numbering), ("Nämndmål", Numbering::Nested));
        assert_eq!(
            (level.sections, level.carries),
            (vec!["Beskrivning".to_owned()], vec![Carry::Indicators])
        );
        for (bad, expected) in [
            (
                form("", Numbering::Nested, &[], &[]),
                "level 2 › Name: must not be empty",
            ),
            (
                form("Mål", Numbering::None, &["A", "A"], &[]),
                "level 2 (Mål) › Sections: \"A\" appears twice",
            ),
            (
                LevelForm {
                    assignment_inputs: true,
                    ..form("Mål", Numbering::None, &[], &[])
                },
                "level 2 (Mål) › Uppdrag count in the verdicts: uppdrag can count in the verdicts only on a level whose goals carry them",
            ),
        ] {
            match checked(1, &bad) {
                Err(ServiceError::Rejected(problems)) => {
                    let texts: Vec<String> = problems.iter().map(ToString::to_string).collect();
                    assert_eq!(texts, [expected], "{bad:?}");
                }
                other => panic!("{bad:?}: {other:?}"),
            }
        }
    }
}
