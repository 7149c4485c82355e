//! A goal's texts as the editor shows them, checks them and stores them.

use crate::db::entities::{goal, goal_level};
use crate::domain::Numbering;
use crate::exchange::document::Section;
use crate::exchange::import::json_text;
use crate::model::{GoalForm, Message, SectionInput, echo};
use crate::services::{ServiceError, validate};

const MAX_NUMBER: usize = 20;
const MAX_TITLE: usize = 500;
const MAX_SECTION: usize = 20_000;

pub(super) fn section_titles(level: &goal_level::Model) -> Result<Vec<String>, ServiceError> {
    serde_json::from_str(&level.sections)
        .map_err(|e| ServiceError::Corrupt(format!("level {} sections: {e}", level.key)))
}

/// The form of a stored goal, with a (possibly empty) text for every section its level has.
pub(super) fn form_of(goal: &goal::Model, level: &goal_level::Model) -> Result<GoalForm, ServiceError> {
    let stored: Vec<Section> = serde_json::from_str(&goal.sections)
        .map_err(|e| ServiceError::Corrupt(format!("goal {} sections: {e}", goal.code)))?;
    let sections = section_titles(level)?
        .into_iter()
        .map(|title| SectionInput {
            text: stored
                .iter()
                .find(|s| s.title == title)
                .map(|s| s.text.clone())
                .unwrap_or_default(),
            title,
        })
        .collect();
    Ok(GoalForm {
        number: goal.number.clone(),
        title: goal.title.clone(),
        sections,
    })
}

/// The form as the audit log keeps it: one field per text.
pub(super) fn audit_text(form: &GoalForm) -> String {
    let mut fields = serde_json::Map::new();
    fields.insert("number".into(), form.number.clone().into());
    fields.insert("title".into(), form.title.clone().into());
    for s in &form.sections {
        fields.insert(s.title.clone(), s.text.clone().into());
    }
    serde_json::Value::Object(fields).to_string()
}

/// Checks a form against the goal's level: number and title, sections the level has.
pub(super) fn checked(form: GoalForm, level: &goal_level::Model) -> Result<GoalForm, ServiceError> {
    let number = form.number.trim().to_owned();
    let length = number.chars().count();
    if length > MAX_NUMBER {
        return Err(ServiceError::invalid(
            "number",
            Message::TooLong {
                max: MAX_NUMBER,
                length,
            },
        ));
    }
    let title = validate::text("title", &form.title, MAX_TITLE)?.to_owned();
    let allowed = section_titles(level)?;
    let mut sections = Vec::new();
    for s in form.sections {
        if !allowed.contains(&s.title) {
            let message = Message::NotASection {
                title: echo(&s.title),
                level: level.name.clone(),
                allowed,
            };
            return Err(ServiceError::invalid("sections", message));
        }
        let length = s.text.chars().count();
        if length > MAX_SECTION {
            let message = Message::InSection {
                title: s.title,
                problem: Box::new(Message::TooLong {
                    max: MAX_SECTION,
                    length,
                }),
            };
            return Err(ServiceError::invalid("sections", message));
        }
        sections.push(SectionInput {
            title: s.title,
            text: s.text.trim().to_owned(),
        });
    }
    Ok(GoalForm {
        number,
        title,
        sections,
    })
}

pub(super) fn stored_sections(form: &GoalForm) -> String {
    let sections: Vec<Section> = form
        .sections
        .iter()
        .filter(|s| !s.text.is_empty())
        .map(|s| Section {
            title: s.title.clone(),
            text: s.text.clone(),
        })
        .collect();
    json_text(&sections)
}

/// The number a new goal gets by its level's numbering: the next in sequence, or the
/// parent's number, a point and the next.
pub(super) fn suggested_number(level: &goal_level::Model, parent: Option<&goal::Model>, siblings: usize) -> String {
    let next = siblings + 1;
    match level.numbering {
        Numbering::Sequence => next.to_string(),
        Numbering::Nested => match parent {
            Some(p) if !p.number.is_empty() => format!("{}.{next}", p.number),
            _ => next.to_string(),
        },
        Numbering::None => String::new(),
    }
}
