//! Checks a [`TenantDocument`] completely before anything is written, and reports every
//! problem with where it is: an import is all or nothing.

mod rules;

use std::collections::{HashMap, HashSet};

use engine::Periodicity;

use super::Problem;
use super::document::{Carry, Council, Level, PlanContent, PlanStatus, TenantDocument};
use super::document::{FORMAT, FORMAT_VERSION, OLDEST_READABLE_VERSION};

const MAX_NAME: usize = 200;
const MAX_TITLE: usize = 1000;
pub(crate) const MAX_CODE: usize = 63;
/// A manual verdict's motivation, in characters.
pub const MOTIVATION_MAX: usize = 4000;
const MAX_DECIMALS: u32 = 6;

struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn fail(&mut self, location: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem::new(location, message));
    }

    fn text(&mut self, location: impl Into<String>, value: &str, max: usize) {
        if value.trim().is_empty() {
            self.fail(location, "must not be empty");
        } else if value.chars().count() > max {
            self.fail(
                location,
                format!(
                    "is {} characters long; at most {max} are allowed",
                    value.chars().count()
                ),
            );
        }
    }

    fn code(&mut self, location: impl Into<String>, value: &str, allowed: fn(char) -> bool, what: &str) {
        let location = location.into();
        if value.is_empty() || value.len() > MAX_CODE || !value.chars().all(allowed) {
            self.fail(
                location,
                format!("\"{value}\" is not a valid code: 1–{MAX_CODE} characters of {what}"),
            );
        }
    }
}

fn slug_char(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'
}

fn key_char(c: char) -> bool {
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

/// Every problem in the document; empty when it can be imported.
pub fn document(doc: &TenantDocument) -> Vec<Problem> {
    let mut check = Checker { problems: Vec::new() };
    if doc.format != FORMAT || !(OLDEST_READABLE_VERSION..=FORMAT_VERSION).contains(&doc.format_version) {
        check.fail(
            "format",
            format!(
                "is \"{}\" version {}; this version of Målbild reads \"{FORMAT}\" versions \
                 {OLDEST_READABLE_VERSION}–{FORMAT_VERSION}",
                doc.format, doc.format_version
            ),
        );
        return check.problems;
    }
    check.code("tenant.slug", &doc.tenant.slug, slug_char, "a–z, 0–9 and -");
    check.text("tenant.name", &doc.tenant.name, MAX_NAME);

    let mut keys = HashSet::new();
    for (i, level) in doc.levels.iter().enumerate() {
        let at = format!("level \"{}\"", level.key);
        check.code(format!("levels[{i}].key"), &level.key, key_char, "a–z, 0–9 and _");
        if !keys.insert(level.key.as_str()) {
            check.fail(&at, "appears twice");
        }
        check.text(format!("{at} › name"), &level.name, 100);
        check.text(format!("{at} › plural"), &level.plural, 100);
        let mut titles = HashSet::new();
        for title in &level.sections {
            check.text(format!("{at} › sections"), title, MAX_NAME);
            if !titles.insert(title.as_str()) {
                check.fail(format!("{at} › sections"), format!("\"{title}\" appears twice"));
            }
        }
    }

    let mut councils = HashMap::new();
    for council in &doc.councils {
        let at = format!("council \"{}\"", council.slug);
        check.code(&at, &council.slug, slug_char, "a–z, 0–9 and -");
        check.text(format!("{at} › name"), &council.name, MAX_NAME);
        if councils.insert(council.slug.as_str(), council).is_some() {
            check.fail(&at, "appears twice");
        }
        let mut names = HashSet::new();
        for department in &council.departments {
            check.text(format!("{at} › departments"), department, MAX_NAME);
            if !names.insert(department.as_str()) {
                check.fail(format!("{at} › departments"), format!("\"{department}\" appears twice"));
            }
        }
    }

    let mut plan_names = HashSet::new();
    let mut indicator_codes = HashMap::new();
    for plan in &doc.plans {
        let at = format!("plan \"{}\"", plan.name);
        check.text(&at, &plan.name, MAX_NAME);
        if !plan_names.insert((plan.council.as_str(), plan.name.as_str())) {
            check.fail(&at, format!("appears twice for council \"{}\"", plan.council));
        }
        let Some(council) = councils.get(plan.council.as_str()) else {
            check.fail(
                format!("{at} › council"),
                format!("\"{}\" is not a council of the tenant", plan.council),
            );
            continue;
        };
        let years = engine::period::FIRST_YEAR..=engine::period::LAST_YEAR;
        if !years.contains(&plan.first_year) || !years.contains(&plan.last_year) || plan.first_year > plan.last_year {
            check.fail(
                format!("{at} › years"),
                format!("{}–{} is not a span of years", plan.first_year, plan.last_year),
            );
        }
        if plan.version < 1 {
            check.fail(format!("{at} › version"), "must be at least 1");
        }
        let mut previous = 0;
        for adopted in &plan.adopted {
            if adopted.version <= previous || adopted.version > plan.version {
                check.fail(
                    format!("{at} › adopted version {}", adopted.version),
                    "versions must increase and not pass the plan's version",
                );
            }
            previous = adopted.version;
            check.text(
                format!("{at} › adopted version {} › body", adopted.version),
                &adopted.decision.body,
                MAX_NAME,
            );
            let where_ = format!("{at} › adopted version {}", adopted.version);
            content(
                &mut check,
                &where_,
                &adopted.content,
                council,
                &doc.levels,
                &mut HashMap::new(),
            );
        }
        let adopted_now = plan.adopted.last().is_some_and(|a| a.version == plan.version);
        if (plan.status == PlanStatus::Adopted) != adopted_now {
            check.fail(
                format!("{at} › status"),
                "an adopted plan's version must be its last adopted version, and a draft's must not be",
            );
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
    check.problems
}

/// Checks one version of a plan's content. `indicator_codes` spans the tenant's current
/// plans: an indicator code is unique in the tenant.
fn content<'a>(
    check: &mut Checker,
    at: &str,
    content: &'a PlanContent,
    council: &Council,
    levels: &[Level],
    indicator_codes: &mut HashMap<&'a str, ()>,
) {
    for section in &content.sections {
        check.text(format!("{at} › section"), &section.title, MAX_NAME);
    }
    let departments: HashSet<&str> = council.departments.iter().map(String::as_str).collect();
    let department = |check: &mut Checker, location: String, name: &Option<String>| {
        if let Some(name) = name
            && !departments.contains(name.as_str())
        {
            check.fail(location, format!("\"{name}\" is not a department of {}", council.name));
        }
    };

    // Goal code → index of its level.
    let mut goals: HashMap<&str, usize> = HashMap::new();
    for goal in &content.goals {
        let here = format!("{at} › goal \"{}\"", goal.code);
        check.code(&here, &goal.code, goal_code_char, "letters, digits, '.', '-' and '_'");
        check.text(format!("{here} › title"), &goal.title, MAX_TITLE);
        if goal.number.chars().count() > 20 {
            check.fail(format!("{here} › number"), "is longer than 20 characters");
        }
        let Some(level_index) = levels.iter().position(|l| l.key == goal.level) else {
            check.fail(
                format!("{here} › level"),
                format!("\"{}\" is not a configured level", goal.level),
            );
            continue;
        };
        let level = &levels[level_index];
        let expected_level = match &goal.parent {
            None => 0,
            Some(parent) => match goals.get(parent.as_str()) {
                Some(parent_level) => parent_level + 1,
                None => {
                    check.fail(
                        format!("{here} › parent"),
                        format!("\"{parent}\" is not a goal listed before it"),
                    );
                    level_index
                }
            },
        };
        if level_index != expected_level {
            let wanted = levels
                .get(expected_level)
                .map_or("(none: too deep)", |l| l.name.as_str());
            check.fail(
                format!("{here} › level"),
                format!("is {}, but its place in the tree needs {wanted}", level.name),
            );
        }
        let mut seen = HashSet::new();
        for section in &goal.sections {
            if !level.sections.contains(&section.title) {
                check.fail(
                    format!("{here} › sections"),
                    format!(
                        "\"{}\" is not a section of {} (it has: {})",
                        section.title,
                        level.name,
                        level.sections.join(", ")
                    ),
                );
            }
            if !seen.insert(section.title.as_str()) {
                check.fail(
                    format!("{here} › sections"),
                    format!("\"{}\" appears twice", section.title),
                );
            }
        }
        if goals.insert(goal.code.as_str(), level_index).is_some() {
            check.fail(&here, "appears twice");
        }
    }
    let carries = |check: &mut Checker, location: String, goal: &str, what: Carry| match goals.get(goal) {
        None => check.fail(location, format!("\"{goal}\" is not a goal of the plan")),
        Some(&level) if !levels[level].carries.contains(&what) => check.fail(
            location,
            format!(
                "goal \"{goal}\" is on level {}, which does not carry {}",
                levels[level].name,
                carry_name(what)
            ),
        ),
        Some(_) => {}
    };

    for indicator in &content.indicators {
        let here = format!("{at} › indicator \"{}\"", indicator.code);
        check.code(&here, &indicator.code, indicator_code_char, "a–z, 0–9, '-' and '_'");
        if indicator_codes.insert(indicator.code.as_str(), ()).is_some() {
            check.fail(&here, "another indicator of the tenant has this code");
        }
        check.text(format!("{here} › name"), &indicator.name, 500);
        carries(check, format!("{here} › goal"), &indicator.goal, Carry::Indicators);
        department(check, format!("{here} › department"), &indicator.department);
        if indicator.decimals > MAX_DECIMALS {
            check.fail(
                format!("{here} › decimals"),
                format!("is {}; at most {MAX_DECIMALS}", indicator.decimals),
            );
        }
        if indicator.unit.chars().count() > 16 {
            check.fail(format!("{here} › unit"), "is longer than 16 characters");
        }
        let mut years = HashSet::new();
        for target in &indicator.targets {
            if !years.insert(target.year) {
                check.fail(format!("{here} › targets"), format!("{} has two targets", target.year));
            }
        }
        let mut seen = HashSet::new();
        for value in &indicator.values {
            let key = (value.period, value.kind, value.gender);
            if !seen.insert(key) {
                check.fail(
                    format!("{here} › values"),
                    format!("{} appears twice for {:?} {:?}", value.period, value.kind, value.gender),
                );
            }
            if let Some(message) = period_mismatch(indicator.periodicity, value.period) {
                check.fail(format!("{here} › values › {}", value.period), message);
            }
        }
    }
    for assignment in &content.assignments {
        let here = format!("{at} › {:?} \"{}\"", assignment.kind, short(&assignment.title));
        check.text(format!("{here} › title"), &assignment.title, MAX_TITLE);
        if let Some(goal) = &assignment.goal {
            carries(check, format!("{here} › goal"), goal, Carry::Assignments);
        }
        department(check, format!("{here} › department"), &assignment.department);
        for comment in &assignment.comments {
            check.text(format!("{here} › comment {}", comment.date), &comment.text, 10_000);
        }
    }
    for area in &content.focus_areas {
        let here = format!("{at} › focus area \"{}\"", short(&area.title));
        check.text(format!("{here} › title"), &area.title, 500);
        for goal in &area.goals {
            carries(check, format!("{here} › goals"), goal, Carry::FocusAreas);
        }
    }
    for activity in &content.activities {
        let here = format!("{at} › activity \"{}\"", short(&activity.title));
        check.text(format!("{here} › title"), &activity.title, 500);
        carries(check, format!("{here} › goal"), &activity.goal, Carry::Activities);
        department(check, format!("{here} › department"), &activity.department);
    }
}

/// A value is entered for the indicator's own periods, or for a whole year.
pub fn period_mismatch(periodicity: Periodicity, period: engine::Period) -> Option<String> {
    if period.kind() == periodicity || period.kind() == Periodicity::Year {
        None
    } else {
        Some(format!(
            "is a {} period, but the indicator is measured per {}",
            period.kind().as_str(),
            periodicity.as_str()
        ))
    }
}

fn carry_name(what: Carry) -> &'static str {
    match what {
        Carry::Indicators => "indicators",
        Carry::Assignments => "uppdrag or initiativ",
        Carry::Activities => "activities",
        Carry::FocusAreas => "focus areas",
    }
}

fn short(text: &str) -> String {
    let mut out: String = text.chars().take(40).collect();
    if text.chars().count() > 40 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests;
