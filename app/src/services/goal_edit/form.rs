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
        level: level.key.clone(),
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
        level: level.key.clone(),
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

/// The number a new goal gets by its level's numbering (see [`Numbering`]).
pub(super) fn suggested_number(level: &goal_level::Model, parent: Option<&goal::Model>, siblings: usize) -> String {
    numbered(level.numbering, parent.map(|p| p.number.as_str()), siblings + 1)
}

/// The `nth` (from 1) goal's number under a parent numbered `parent`: 3; 1.3; C; 1C.
fn numbered(numbering: Numbering, parent: Option<&str>, nth: usize) -> String {
    let parent = parent.filter(|p| !p.is_empty());
    match numbering {
        Numbering::Sequence => nth.to_string(),
        Numbering::Nested => parent.map_or_else(|| nth.to_string(), |p| format!("{p}.{nth}")),
        Numbering::Letters => letters(nth),
        Numbering::NumberLetter => format!("{}{}", parent.unwrap_or_default(), letters(nth)),
        Numbering::None => String::new(),
    }
}

/// A, B, …, Z, AA, AB, … as columns in a spreadsheet.
fn letters(mut nth: usize) -> String {
    let mut out = Vec::new();
    while nth > 0 {
        let rest = (nth - 1) % 26;
        out.push(char::from(b'A' + rest as u8));
        nth = (nth - 1) / 26;
    }
    out.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_numbering_numbers_the_next_goal() {
        for (numbering, parent, nth, expected) in [
            (Numbering::Sequence, Some("2"), 3, "3"),
            (Numbering::Nested, Some("1"), 2, "1.2"),
            (Numbering::Nested, None, 2, "2"),
            (Numbering::Letters, Some("1"), 3, "C"),
            (Numbering::NumberLetter, Some("1"), 1, "1A"),
            (Numbering::NumberLetter, Some("2"), 28, "2AB"),
            (Numbering::NumberLetter, Some(""), 2, "B"),
            (Numbering::Letters, None, 26, "Z"),
            (Numbering::Letters, None, 27, "AA"),
            (Numbering::None, Some("1"), 4, ""),
        ] {
            assert_eq!(
                numbered(numbering, parent, nth),
                expected,
                "{numbering:?} {parent:?} {nth}"
            );
        }
    }
}
