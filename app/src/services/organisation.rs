//! The tenant's organisation (admins): its vision and values texts, its councils and each
//! council's departments. Texts and councils are saved one at a time against the revision
//! they were loaded at; a department cannot go while an indicator, uppdrag or activity names
//! it as responsible, nor a council while it has plans. Every change is audited.

use std::collections::{HashMap, HashSet};

use sea_orm::{ConnectionTrait, DatabaseConnection, TransactionTrait};
use serde_json::json;
use uuid::Uuid;

use super::context::TenantContext;
use super::{ServiceError, history, validate};
use crate::db::TenantScope;
use crate::db::entities::{council, department};
use crate::db::repo::audit;
use crate::db::repo::{councils, rows, tenants};
use crate::domain::{CouncilId, DepartmentId};
use crate::model::{
    CouncilForm, DepartmentForm, Known, Message, Named, OrganisationView, Role, TenantTextsForm, Thing,
};

const ENTITY: &str = "organisation";
const TEXTS_ID: &str = "texts";
const MAX_NAME: usize = 200;
const MAX_TEXT: usize = 20_000;
const HISTORY: u64 = 200;

/// The texts, the councils with their departments (and what uses them), and the history.
pub async fn load(db: &DatabaseConnection, ctx: &TenantContext) -> Result<OrganisationView, ServiceError> {
    ctx.require(Role::Admin)?;
    let scope = ctx.scope();
    let tenant = tenants::find_by_id(db, scope.tenant_id())
        .await?
        .ok_or(ServiceError::NotFound)?;
    let usage = department_usage(db, scope).await?;
    let mut plans: HashMap<Uuid, u32> = HashMap::new();
    for plan in rows::plans(db, scope).await? {
        *plans.entry(plan.council_id).or_default() += 1;
    }
    let revisions: HashMap<Uuid, i32> = councils::all(db, scope)
        .await?
        .into_iter()
        .map(|c| (c.id, c.revision))
        .collect();
    let councils = councils::list_with_departments(db, scope)
        .await?
        .into_iter()
        .map(|c| CouncilForm {
            municipal: c.municipal,
            id: Some(c.id),
            revision: revisions.get(&c.id.uuid()).copied().unwrap_or_default(),
            plans: plans.get(&c.id.uuid()).copied().unwrap_or_default(),
            departments: c
                .departments
                .into_iter()
                .map(|d| DepartmentForm {
                    in_use: usage.get(&d.id.uuid()).copied().unwrap_or_default(),
                    id: Some(d.id),
                    name: d.name,
                })
                .collect(),
            name: c.name,
            slug: c.slug,
        })
        .collect();
    let entries = audit::for_entity_prefix(db, scope, ENTITY, "", HISTORY).await?;
    Ok(OrganisationView {
        texts: TenantTextsForm {
            revision: tenant.revision,
            vision_title: tenant.vision_title.unwrap_or_default(),
            vision: tenant.vision.unwrap_or_default(),
            values: tenant.values.unwrap_or_default(),
        },
        councils,
        history: history::entries(entries),
    })
}

/// How many indicators, uppdrag and activities each department is responsible for.
async fn department_usage(db: &impl ConnectionTrait, scope: TenantScope) -> Result<HashMap<Uuid, u32>, ServiceError> {
    let mut usage: HashMap<Uuid, u32> = HashMap::new();
    let responsible = rows::indicators(db, scope)
        .await?
        .into_iter()
        .map(|i| i.department_id)
        .chain(rows::assignments(db, scope).await?.into_iter().map(|a| a.department_id))
        .chain(rows::activities(db, scope).await?.into_iter().map(|a| a.department_id));
    for id in responsible.flatten() {
        *usage.entry(id).or_default() += 1;
    }
    Ok(usage)
}

fn optional(field: &'static str, value: &str, max: usize) -> Result<Option<String>, ServiceError> {
    if value.trim().is_empty() {
        return Ok(None);
    }
    validate::text(field, value, max).map(|v| Some(v.to_owned()))
}

fn texts_audit_text(texts: &tenants::TenantTexts) -> String {
    json!({
        "vision_title": texts.vision_title.as_deref().unwrap_or_default(),
        "vision": texts.vision.as_deref().unwrap_or_default(),
        "values": texts.values.as_deref().unwrap_or_default(),
    })
    .to_string()
}

/// Saves the vision and values texts if nobody changed them since `form.revision`.
pub async fn save_texts(
    db: &DatabaseConnection,
    ctx: &TenantContext,
    form: &TenantTextsForm,
) -> Result<OrganisationView, ServiceError> {
    ctx.require(Role::Admin)?;
    let scope = ctx.scope();
    let texts = tenants::TenantTexts {
        vision_title: optional("vision_title", &form.vision_title, MAX_NAME)?,
        vision: optional("vision", &form.vision, MAX_TEXT)?,
        values: optional("tenant_values", &form.values, MAX_TEXT)?,
    };
    let txn = db.begin().await?;
    // Lock first: the transaction starts as a writer (see plan_decisions::lock_draft).
    if !tenants::lock_texts(&txn, scope, form.revision).await? {
        return Err(ServiceError::stale(Thing::Texts, None));
    }
    let old = tenants::find_by_id(&txn, scope.tenant_id())
        .await?
        .ok_or(ServiceError::NotFound)?;
    let old_text = texts_audit_text(&tenants::TenantTexts {
        vision_title: old.vision_title,
        vision: old.vision,
        values: old.values,
    });
    let new_text = texts_audit_text(&texts);
    tenants::set_texts(&txn, scope, texts).await?;
    history::record(
        &txn,
        ctx,
        ENTITY,
        "update",
        TEXTS_ID.into(),
        Some(old_text),
        Some(new_text),
    )
    .await?;
    tenants::touch(&txn, scope).await?;
    txn.commit().await?;
    load(db, ctx).await
}

/// The checked department names, in order, each with its id if it exists.
fn checked_departments(form: &CouncilForm) -> Result<Vec<(Option<Uuid>, String)>, ServiceError> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (at, d) in form.departments.iter().enumerate() {
        if d.id.is_none() && d.name.trim().is_empty() {
            continue; // an empty new row is no department
        }
        let name = validate::text("departments", &d.name, MAX_NAME).map_err(|e| match e {
            ServiceError::Invalid { message, .. } => ServiceError::invalid(
                "departments",
                Message::Department {
                    nth: at + 1,
                    problem: Box::new(message),
                },
            ),
            other => other,
        })?;
        if !seen.insert(name.to_lowercase()) {
            let message = Message::Department {
                nth: at + 1,
                problem: Box::new(Message::Duplicate { value: name.to_owned() }),
            };
            return Err(ServiceError::invalid("departments", message));
        }
        out.push((d.id.map(DepartmentId::uuid), name.to_owned()));
    }
    Ok(out)
}

fn audit_text(name: &str, departments: &[(Option<Uuid>, String)]) -> String {
    let names: Vec<&str> = departments.iter().map(|(_, n)| n.as_str()).collect();
    json!({ "name": name, "departments": names.join("; ") }).to_string()
}

fn unique_name(councils: &[council::Model], except: Option<Uuid>, name: &str) -> Result<(), ServiceError> {
    let folded = name.to_lowercase();
    match councils
        .iter()
        .any(|c| Some(c.id) != except && c.name.to_lowercase() == folded)
    {
        true => Err(ServiceError::invalid(
            "name",
            Message::AlreadyExists {
                what: Named::CouncilName,
                value: name.to_owned(),
            },
        )),
        false => Ok(()),
    }
}

/// Adds a council (no `id`) or saves one against its revision: its name and its
/// departments (renamed, added, reordered, removed when nothing names them).
pub async fn save_council(
    db: &DatabaseConnection,
    ctx: &TenantContext,
    form: &CouncilForm,
) -> Result<OrganisationView, ServiceError> {
    ctx.require(Role::Admin)?;
    let scope = ctx.scope();
    let name = validate::text("name", &form.name, MAX_NAME)?;
    let departments = checked_departments(form)?;
    let txn = db.begin().await?;
    // Write first, so the transaction starts as a writer (see plan_decisions::lock_draft)
    // and two admins adding councils at once are serialised.
    tenants::touch(&txn, scope).await?;
    let (council_id, old_text) = match form.id {
        None => {
            let existing = councils::all(&txn, scope).await?;
            unique_name(&existing, None, name)?;
            let taken: HashSet<String> = existing.into_iter().map(|c| c.slug).collect();
            let slug = match form.slug.trim() {
                "" => validate::key_from_name(name, &taken, "namnd"),
                written => validate::slug("slug", written)?,
            };
            if taken.contains(&slug) {
                let message = Message::AlreadyExists {
                    what: Named::CouncilSlug,
                    value: slug,
                };
                return Err(ServiceError::invalid("slug", message));
            }
            let position = i32::try_from(taken.len()).unwrap_or(i32::MAX);
            let id = councils::insert(&txn, scope, &slug, name, position).await?.id;
            councils::set_municipal(&txn, scope, id, form.municipal).await?;
            (id, None)
        }
        Some(id) => {
            if !councils::lock_if_revision(&txn, scope, id, form.revision).await? {
                return Err(
                    match councils::all(&txn, scope).await?.iter().any(|c| c.id == id.uuid()) {
                        true => ServiceError::stale(Thing::Council, Some(name)),
                        false => ServiceError::NotFound,
                    },
                );
            }
            let all = councils::all(&txn, scope).await?;
            unique_name(&all, Some(id.uuid()), name)?;
            let old_name = all
                .iter()
                .find(|c| c.id == id.uuid())
                .map(|c| c.name.clone())
                .unwrap_or_default();
            let old: Vec<(Option<Uuid>, String)> = councils::departments_of(&txn, scope, id)
                .await?
                .into_iter()
                .map(|d| (Some(d.id), d.name))
                .collect();
            councils::rename(&txn, scope, id, name).await?;
            (id.uuid(), Some(audit_text(&old_name, &old)))
        }
    };
    write_departments(&txn, scope, council_id, &departments).await?;
    let action = if form.id.is_some() { "update" } else { "create" };
    let new_text = audit_text(name, &departments);
    history::record(
        &txn,
        ctx,
        ENTITY,
        action,
        council_id.to_string(),
        old_text,
        Some(new_text),
    )
    .await?;
    txn.commit().await?;
    load(db, ctx).await
}

/// Makes the council's departments the given list; refuses to remove one still named as
/// responsible anywhere.
async fn write_departments(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    council_id: Uuid,
    wanted: &[(Option<Uuid>, String)],
) -> Result<(), ServiceError> {
    let stored = councils::departments_of(db, scope, CouncilId::from_uuid(council_id)).await?;
    if let Some((Some(_), name)) = wanted
        .iter()
        .find(|(id, _)| id.is_some_and(|id| !stored.iter().any(|d| d.id == id)))
    {
        let message = Message::Unknown {
            what: Known::Department,
            value: name.clone(),
        };
        return Err(ServiceError::invalid("departments", message));
    }
    let usage = department_usage(db, scope).await?;
    for gone in stored
        .iter()
        .filter(|d| !wanted.iter().any(|(id, _)| *id == Some(d.id)))
    {
        if let Some(count) = usage.get(&gone.id) {
            let message = Message::DepartmentInUse {
                department: gone.name.clone(),
                count: *count as usize,
            };
            return Err(ServiceError::invalid("departments", message));
        }
        councils::delete_department(db, scope, DepartmentId::from_uuid(gone.id)).await?;
    }
    for (position, (id, name)) in wanted.iter().enumerate() {
        let row = department::Model {
            tenant_id: scope.tenant_id(),
            id: id.unwrap_or_else(Uuid::now_v7),
            council_id,
            name: name.clone(),
            sort_order: i32::try_from(position).unwrap_or(i32::MAX),
        };
        councils::upsert_department(db, scope, CouncilId::from_uuid(council_id), row, id.is_some()).await?;
    }
    Ok(())
}

/// Removes a council that has no plans (its departments go with it).
pub async fn delete_council(
    db: &DatabaseConnection,
    ctx: &TenantContext,
    id: CouncilId,
    revision: i32,
) -> Result<OrganisationView, ServiceError> {
    ctx.require(Role::Admin)?;
    let scope = ctx.scope();
    let txn = db.begin().await?;
    tenants::touch(&txn, scope).await?; // first: see `save_council`
    let council = councils::all(&txn, scope)
        .await?
        .into_iter()
        .find(|c| c.id == id.uuid())
        .ok_or(ServiceError::NotFound)?;
    let plans = rows::plans(&txn, scope)
        .await?
        .into_iter()
        .filter(|p| p.council_id == id.uuid())
        .count();
    if plans > 0 {
        let message = Message::CouncilHasPlans {
            council: council.name,
            count: plans,
        };
        return Err(ServiceError::invalid("council", message));
    }
    let departments = councils::departments_of(&txn, scope, id).await?;
    if !councils::delete_if_revision(&txn, scope, id, revision).await? {
        return Err(ServiceError::stale(Thing::Council, Some(&council.name)));
    }
    let old: Vec<(Option<Uuid>, String)> = departments.into_iter().map(|d| (Some(d.id), d.name)).collect();
    history::record(
        &txn,
        ctx,
        ENTITY,
        "delete",
        id.to_string(),
        Some(audit_text(&council.name, &old)),
        None,
    )
    .await?;
    txn.commit().await?;
    load(db, ctx).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn council(departments: &[(Option<Uuid>, &str)]) -> CouncilForm {
        CouncilForm {
            name: "Socialnämnden".into(),
            departments: departments
                .iter()
                .map(|(id, name)| DepartmentForm {
                    id: id.map(DepartmentId::from_uuid),
                    name: (*name).into(),
                    in_use: 0,
                })
                .collect(),
            ..CouncilForm::default()
        }
    }

    #[test]
    fn department_lists_are_trimmed_and_empty_new_rows_dropped() {
        let kept = Uuid::now_v7();
        let checked = checked_departments(&council(&[(Some(kept), " Stöd "), (None, "  "), (None, "IFO")])).unwrap();
        assert_eq!(checked, vec![(Some(kept), "Stöd".to_owned()), (None, "IFO".to_owned())]);
    }

    #[test]
    fn a_department_twice_or_an_emptied_one_is_refused_by_name() {
        for (form, expected) in [
            (
                council(&[(None, "IFO"), (None, "ifo")]),
                "department 2: \"ifo\" appears twice",
            ),
            (
                council(&[(None, "IFO"), (Some(Uuid::now_v7()), " ")]),
                "department 2: must not be empty",
            ),
        ] {
            match checked_departments(&form) {
                Err(ServiceError::Invalid {
                    field: "departments",
                    message,
                }) => {
                    let text = crate::i18n::message_text(&message, crate::i18n::Locale::En);
                    assert!(text.contains(expected), "{text} should say {expected}")
                }
                other => panic!("{other:?}"),
            }
        }
    }
}
