//! Checks a [`TenantDocument`] completely before anything is written, and reports every
//! problem with where it is: an import is all or nothing.

mod economy;
mod links;
mod rules;

pub use rules::rule_keys;

use std::collections::{HashMap, HashSet};

use engine::Periodicity;

use super::Problem;
use super::document::{Carry, Council, Level, PlanContent, PlanStatus, TenantDocument};
use super::document::{FORMAT, FORMAT_VERSION, OLDEST_READABLE_VERSION};
use crate::model::{CodeChars, Known, Location, Message, Named, Place, echo};

const MAX_NAME: usize = 200;
const MAX_TITLE: usize = 1000;
pub(crate) const MAX_CODE: usize = 63;
/// A manual verdict's motivation, in characters.
pub const MOTIVATION_MAX: usize = 4000;
pub(crate) const MAX_DECIMALS: u32 = 6;
/// A goal's printed number (`1.1`, `1A`), in characters.
const MAX_NUMBER: usize = 20;
/// An indicator's unit (`%`, `antal`), in characters.
pub(crate) const MAX_UNIT: usize = 16;

struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn fail(&mut self, location: &Location, message: Message) {
        self.problems.push(Problem::new(location.clone(), message));
    }

    fn text(&mut self, location: &Location, value: &str, max: usize) {
        let length = value.chars().count();
        if value.trim().is_empty() {
            self.fail(location, Message::Required);
        } else if length > max {
            self.fail(location, Message::TooLong { max, length });
        }
    }

    fn code(&mut self, location: &Location, value: &str, allowed: fn(char) -> bool, chars: CodeChars) {
        if value.is_empty() || value.len() > MAX_CODE || !value.chars().all(allowed) {
            let message = Message::InvalidCode {
                text: echo(value),
                max: MAX_CODE,
                allowed: chars,
            };
            self.fail(location, message);
        }
    }
}

fn slug_char(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'
}

/// Goal level keys: `malomrade`, `namndens_mal`.
pub(crate) fn level_key_char(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'
}

/// Indicator codes: stable ids in URLs, files and the API (`sn-1-1-ko`).
pub(crate) fn indicator_code_char(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_'
}

/// Goal codes are what the plans print: `1`, `1.1`, `kf1`.
fn goal_code_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '-' | '_')
}

fn duplicate(value: &str) -> Message {
    Message::Duplicate { value: echo(value) }
}

/// Every problem in the document; empty when it can be imported.
pub fn document(doc: &TenantDocument) -> Vec<Problem> {
    let mut check = Checker { problems: Vec::new() };
    let root = Location::default();
    if doc.format != FORMAT || !(OLDEST_READABLE_VERSION..=FORMAT_VERSION).contains(&doc.format_version) {
        let message = Message::UnsupportedDocumentFormat {
            format: echo(&doc.format),
            version: doc.format_version,
            expected: FORMAT.to_owned(),
            oldest: OLDEST_READABLE_VERSION,
            newest: FORMAT_VERSION,
        };
        check.fail(&root.field("format"), message);
        return check.problems;
    }
    check.code(&root.field("tenant.slug"), &doc.tenant.slug, slug_char, CodeChars::Slug);
    check.text(&root.field("tenant.name"), &doc.tenant.name, MAX_NAME);

    let mut keys = HashSet::new();
    for (i, level) in doc.levels.iter().enumerate() {
        let at = Location::of(Place::Level { key: level.key.clone() });
        check.code(
            &root.field(&format!("levels[{i}].key")),
            &level.key,
            level_key_char,
            CodeChars::Key,
        );
        if !keys.insert(level.key.as_str()) {
            check.fail(&at, duplicate(&level.key));
        }
        check.text(&at.field("name"), &level.name, 100);
        check.text(&at.field("plural"), &level.plural, 100);
        let mut titles = HashSet::new();
        for title in &level.sections {
            check.text(&at.field("sections"), title, MAX_NAME);
            if !titles.insert(title.as_str()) {
                check.fail(&at.field("sections"), duplicate(title));
            }
        }
    }

    let mut councils = HashMap::new();
    for council in &doc.councils {
        let at = Location::of(Place::Council {
            slug: council.slug.clone(),
        });
        check.code(&at, &council.slug, slug_char, CodeChars::Slug);
        check.text(&at.field("name"), &council.name, MAX_NAME);
        if councils.insert(council.slug.as_str(), council).is_some() {
            check.fail(&at, duplicate(&council.slug));
        }
        let mut names = HashSet::new();
        for department in &council.departments {
            check.text(&at.field("departments"), department, MAX_NAME);
            if !names.insert(department.as_str()) {
                check.fail(&at.field("departments"), duplicate(department));
            }
        }
    }

    let mut plan_names = HashSet::new();
    let mut indicator_codes = HashMap::new();
    for plan in &doc.plans {
        let at = Location::of(Place::Plan {
            name: plan.name.clone(),
        });
        check.text(&at, &plan.name, MAX_NAME);
        if !plan_names.insert((plan.council.as_str(), plan.name.as_str())) {
            let message = Message::AlreadyExists {
                what: Named::PlanName,
                value: plan.name.clone(),
            };
            check.fail(&at, message);
        }
        let Some(council) = councils.get(plan.council.as_str()) else {
            let message = Message::Unknown {
                what: Known::Council,
                value: echo(&plan.council),
            };
            check.fail(&at.field("council"), message);
            continue;
        };
        years(&mut check, &at, plan.first_year, plan.last_year);
        if plan.version < 1 {
            check.fail(
                &at.field("version"),
                Message::AtLeast {
                    min: 1,
                    value: plan.version.into(),
                },
            );
        }
        let mut previous = 0;
        for adopted in &plan.adopted {
            let here = at.at(Place::AdoptedVersion {
                version: adopted.version,
            });
            if adopted.version <= previous || adopted.version > plan.version {
                check.fail(&here, Message::AdoptedVersionsOrder);
            }
            previous = adopted.version;
            check.text(&here.field("body"), &adopted.decision.body, MAX_NAME);
            content(
                &mut check,
                &here,
                &adopted.content,
                council,
                &doc.levels,
                &mut HashMap::new(),
            );
        }
        let adopted_now = plan.adopted.last().is_some_and(|a| a.version == plan.version);
        if (plan.status == PlanStatus::Adopted) != adopted_now {
            check.fail(&at.field("status"), Message::StatusVersionMismatch);
        }
        content(
            &mut check,
            &at,
            &plan.content,
            council,
            &doc.levels,
            &mut indicator_codes,
        );
    }
    rules::check(&mut check, doc);
    links::check(&mut check, doc);
    economy::check(&mut check, doc);
    check.problems
}

fn years(check: &mut Checker, at: &Location, first: i32, last: i32) {
    for (field, message) in year_span(first, last) {
        check.fail(&at.field(field), message);
    }
}

/// What is wrong with a plan's years, by field: each must be a year that can be followed
/// up, the last not before the first.
pub fn year_span(first: i32, last: i32) -> Vec<(&'static str, Message)> {
    let (earliest, latest) = (engine::period::FIRST_YEAR, engine::period::LAST_YEAR);
    let mut problems: Vec<(&'static str, Message)> = [("first_year", first), ("last_year", last)]
        .into_iter()
        .filter(|(_, year)| !(earliest..=latest).contains(year))
        .map(|(field, year)| {
            let message = Message::OutsideYears {
                value: year.to_string(),
                first: earliest,
                last: latest,
            };
            (field, message)
        })
        .collect();
    if first > last {
        problems.push(("last_year", Message::YearsReversed { first, last }));
    }
    problems
}

/// Checks one version of a plan's content. `indicator_codes` spans the tenant's current
/// plans: an indicator code is unique in the tenant.
fn content<'a>(
    check: &mut Checker,
    at: &Location,
    content: &'a PlanContent,
    council: &Council,
    levels: &[Level],
    indicator_codes: &mut HashMap<&'a str, ()>,
) {
    for section in &content.sections {
        check.text(&at.field("sections"), &section.title, MAX_NAME);
    }
    let departments: HashSet<&str> = council.departments.iter().map(String::as_str).collect();
    let department = |check: &mut Checker, location: Location, name: &Option<String>| {
        if let Some(name) = name
            && !departments.contains(name.as_str())
        {
            let message = Message::NotADepartment {
                name: echo(name),
                council: council.name.clone(),
            };
            check.fail(&location, message);
        }
    };

    // Goal code → index of its level.
    let mut goals: HashMap<&str, usize> = HashMap::new();
    for goal in &content.goals {
        let here = at.at(Place::Goal {
            code: goal.code.clone(),
        });
        check.code(&here, &goal.code, goal_code_char, CodeChars::GoalCode);
        check.text(&here.field("title"), &goal.title, MAX_TITLE);
        let length = goal.number.chars().count();
        if length > MAX_NUMBER {
            check.fail(
                &here.field("number"),
                Message::TooLong {
                    max: MAX_NUMBER,
                    length,
                },
            );
        }
        let Some(level_index) = levels.iter().position(|l| l.key == goal.level) else {
            let message = Message::Unknown {
                what: Known::Level,
                value: echo(&goal.level),
            };
            check.fail(&here.field("level"), message);
            continue;
        };
        let level = &levels[level_index];
        // A top goal may be on any level; a sub-goal on any level below its parent's.
        if let Some(parent) = &goal.parent {
            match goals.get(parent.as_str()) {
                Some(&parent_level) if parent_level >= level_index => {
                    let message = Message::NotBelowParent {
                        level: level.name.clone(),
                        parent_level: levels[parent_level].name.clone(),
                    };
                    check.fail(&here.field("level"), message);
                }
                Some(_) => {}
                None => check.fail(&here.field("parent"), Message::ParentNotBefore { parent: echo(parent) }),
            }
        }
        let mut seen = HashSet::new();
        for section in &goal.sections {
            if !level.sections.contains(&section.title) {
                let message = Message::NotASection {
                    title: echo(&section.title),
                    level: level.name.clone(),
                    allowed: level.sections.clone(),
                };
                check.fail(&here.field("sections"), message);
            }
            if !seen.insert(section.title.as_str()) {
                check.fail(&here.field("sections"), duplicate(&section.title));
            }
        }
        if goals.insert(goal.code.as_str(), level_index).is_some() {
            check.fail(&here, duplicate(&goal.code));
        }
    }
    let carries = |check: &mut Checker, location: Location, goal: &str, carry: Carry| match goals.get(goal) {
        None => {
            let message = Message::Unknown {
                what: Known::GoalInPlan,
                value: echo(goal),
            };
            check.fail(&location, message);
        }
        Some(&level) if !levels[level].carries.contains(&carry) => {
            let message = Message::LevelDoesNotCarry {
                goal: goal.to_owned(),
                level: levels[level].name.clone(),
                carry,
            };
            check.fail(&location, message);
        }
        Some(_) => {}
    };

    for indicator in &content.indicators {
        let here = at.at(Place::Indicator {
            code: indicator.code.clone(),
        });
        check.code(&here, &indicator.code, indicator_code_char, CodeChars::IndicatorCode);
        if indicator_codes.insert(indicator.code.as_str(), ()).is_some() {
            let message = Message::AlreadyExists {
                what: Named::IndicatorCode,
                value: indicator.code.clone(),
            };
            check.fail(&here, message);
        }
        check.text(&here.field("name"), &indicator.name, 500);
        carries(check, here.field("goal"), &indicator.goal, Carry::Indicators);
        department(check, here.field("department"), &indicator.department);
        if indicator.decimals > MAX_DECIMALS {
            let message = Message::AtMost {
                max: MAX_DECIMALS.into(),
                value: indicator.decimals.into(),
            };
            check.fail(&here.field("decimals"), message);
        }
        let length = indicator.unit.chars().count();
        if length > MAX_UNIT {
            check.fail(&here.field("unit"), Message::TooLong { max: MAX_UNIT, length });
        }
        let mut years = HashSet::new();
        for target in &indicator.targets {
            if !years.insert(target.year) {
                check.fail(&here.field("targets"), duplicate(&target.year.to_string()));
            }
        }
        let mut seen = HashSet::new();
        for value in &indicator.values {
            let key = (value.period, value.kind, value.gender);
            if !seen.insert(key) {
                let message = Message::DuplicateValue {
                    period: value.period.to_string(),
                    kind: value.kind,
                    gender: value.gender,
                };
                check.fail(&here.field("values"), message);
            }
            if let Some(message) = period_mismatch(indicator.periodicity, value.period) {
                let period = Place::Period {
                    period: value.period.to_string(),
                };
                check.fail(&here.field("values").at(period), message);
            }
        }
    }
    for assignment in &content.assignments {
        let here = at.at(Place::Assignment {
            kind: assignment.kind,
            title: echo(&assignment.title),
        });
        check.text(&here.field("title"), &assignment.title, MAX_TITLE);
        if let Some(goal) = &assignment.goal {
            carries(check, here.field("goal"), goal, Carry::Assignments);
        }
        department(check, here.field("department"), &assignment.department);
        for comment in &assignment.comments {
            let place = Place::Comment {
                date: comment.date.to_string(),
            };
            check.text(&here.at(place), &comment.text, 10_000);
        }
    }
    for area in &content.focus_areas {
        let here = at.at(Place::FocusArea {
            title: echo(&area.title),
        });
        check.text(&here.field("title"), &area.title, 500);
        for goal in &area.goals {
            carries(check, here.field("goals"), goal, Carry::FocusAreas);
        }
    }
    for activity in &content.activities {
        let here = at.at(Place::Activity {
            title: echo(&activity.title),
        });
        check.text(&here.field("title"), &activity.title, 500);
        carries(check, here.field("goal"), &activity.goal, Carry::Activities);
        department(check, here.field("department"), &activity.department);
    }
}

/// A value is entered for the indicator's own periods, or for a whole year.
pub fn period_mismatch(periodicity: Periodicity, period: engine::Period) -> Option<Message> {
    if period.kind() == periodicity || period.kind() == Periodicity::Year {
        None
    } else {
        Some(Message::PeriodMismatch {
            period: period.kind().into(),
            periodicity: periodicity.into(),
        })
    }
}

#[cfg(test)]
mod tests;
