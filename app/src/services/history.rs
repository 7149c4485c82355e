//! An entity's history from the audit log, as the edit pages show it: who, when, and for
//! each changed field the old and new value. Edits are logged as JSON objects of their
//! form's fields, so two entries' difference is the fields that changed.

use sea_orm::ConnectionTrait;

use super::ServiceError;
use super::context::TenantContext;
use crate::db::entities::audit_log;
use crate::db::repo::audit::{self, AuditEntry};
use crate::model::{FieldChange, HistoryEntry};

/// Records a change to one of the signed-in user's tenant's entities: `old` and `new` are
/// JSON objects of the entity's fields, so [`changes`] can later list what changed.
pub async fn record(
    db: &impl ConnectionTrait,
    ctx: &TenantContext,
    entity_type: &str,
    action: &str,
    id: String,
    old: Option<String>,
    new: Option<String>,
) -> Result<(), ServiceError> {
    let entry = AuditEntry {
        actor: ctx.actor(),
        action,
        entity_type,
        entity_id: Some(id),
        old_value: old,
        new_value: new,
    };
    Ok(audit::record(db, ctx.scope(), entry).await?)
}

/// Audit entries (newest first) as history entries.
pub fn entries(rows: Vec<audit_log::Model>) -> Vec<HistoryEntry> {
    rows.into_iter()
        .map(|e| HistoryEntry {
            at: e.at.format("%Y-%m-%d %H:%M").to_string(),
            changes: changes(e.old_value.as_deref(), e.new_value.as_deref()),
            actor: e.actor,
            action: e.action,
        })
        .collect()
}

/// The fields that differ between two saved forms, for the history.
pub fn changes(old: Option<&str>, new: Option<&str>) -> Vec<FieldChange> {
    let parse = |text: Option<&str>| {
        text.and_then(|t| serde_json::from_str::<serde_json::Value>(t).ok())
            .unwrap_or_default()
    };
    let (old, new) = (parse(old), parse(new));
    // A creation has no old form, a deletion no new one.
    let none = serde_json::Map::new();
    let (old, new) = match (old.as_object(), new.as_object()) {
        (None, None) => return Vec::new(),
        (old, new) => (old.unwrap_or(&none), new.unwrap_or(&none)),
    };
    let show = |v: Option<&serde_json::Value>| match v {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Array(items)) if items.iter().all(|i| i.get("year").is_some()) => items
            .iter()
            .filter(|i| i["text"].as_str().is_some_and(|t| !t.is_empty()))
            .map(|i| format!("{}: {}", i["year"], i["text"].as_str().unwrap_or_default()))
            .collect::<Vec<_>>()
            .join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let mut keys: Vec<&String> = new.keys().collect();
    keys.extend(old.keys().filter(|k| !new.contains_key(*k)));
    keys.into_iter()
        .filter(|k| old.get(*k) != new.get(*k))
        .filter(|k| !(show(old.get(*k)).is_empty() && show(new.get(*k)).is_empty()))
        .map(|k| FieldChange {
            field: k.clone(),
            old: show(old.get(k)),
            new: show(new.get(k)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn history_lists_only_the_changed_fields() {
        let old =
            r#"{"name":"Sjukfrånvaro","unit":"%","targets":[{"year":2026,"text":"6","label":"","statement":false}]}"#;
        let new =
            r#"{"name":"Sjukfrånvaro","unit":"%","targets":[{"year":2026,"text":"5,5","label":"","statement":false}]}"#;
        let found = changes(Some(old), Some(new));
        assert_eq!(
            found,
            [FieldChange {
                field: "targets".into(),
                old: "2026: 6".into(),
                new: "2026: 5,5".into()
            }]
        );
    }

    #[test]
    fn a_creation_lists_the_new_fields_and_a_deletion_the_old() {
        let form = r#"{"number":"2.4","title":"Trygg vård","Ambitionsnivå 2035":""}"#;
        let created = changes(None, Some(form));
        let fields: Vec<(&str, &str, &str)> = created
            .iter()
            .map(|c| (c.field.as_str(), c.old.as_str(), c.new.as_str()))
            .collect();
        assert_eq!(fields, [("number", "", "2.4"), ("title", "", "Trygg vård")]);
        let deleted = changes(Some(form), None);
        assert_eq!(deleted.len(), 2);
        assert_eq!((deleted[1].old.as_str(), deleted[1].new.as_str()), ("Trygg vård", ""));
        assert!(
            changes(Some("\"6.2\""), Some("\"6.3\"")).is_empty(),
            "plain values have no fields"
        );
    }
}
