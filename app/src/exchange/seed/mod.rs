//! The demo seeds: human-editable TOML files under `seeds/demo/` (format in
//! `seeds/README.md`), read into [`TenantDocument`]s. Compiled into the binary, so
//! `malbild seed --demo` works from any directory.

use std::collections::BTreeMap;

use engine::{Period, Target, parse_number};
use serde::Deserialize;

use super::Problem;
use super::document::{
    self as doc, AdoptedVersion, Baseline, Better, Council, Decision, Goal, IndicatorKind, Level, PlanContent,
    PlanStatus, Section, TenantDocument, TenantInfo, ValueKind, YearTarget,
};
use crate::model::{Location, Message, Place, echo};

macro_rules! seed_file {
    ($path:literal) => {
        ($path, include_str!(concat!("../../../../seeds/demo/", $path)))
    };
}

/// Every seed file as (path under `seeds/demo/`, contents). A test checks that nothing in
/// the directory is missing from this list.
pub const DEMO_FILES: &[(&str, &str)] = &[
    seed_file!("norrtalje/tenant.toml"),
    seed_file!("norrtalje/plans/socialnamnden-2026-2028/plan.toml"),
    seed_file!("norrtalje/plans/socialnamnden-2026-2028/goals.toml"),
    seed_file!("norrtalje/plans/socialnamnden-2026-2028/indicators.toml"),
    seed_file!("norrtalje/plans/socialnamnden-2026-2028/assignments.toml"),
    seed_file!("norrtalje/plans/socialnamnden-2024/plan.toml"),
    seed_file!("norrtalje/plans/socialnamnden-2024/goals.toml"),
    seed_file!("norrtalje/plans/socialnamnden-2024/assignments.toml"),
    seed_file!("sodertalje/tenant.toml"),
    seed_file!("sodertalje/plans/mal-och-budget-2025/plan.toml"),
    seed_file!("sodertalje/plans/mal-och-budget-2025/goals.toml"),
    seed_file!("sodertalje/plans/socialnamnden-2025/plan.toml"),
    seed_file!("sodertalje/plans/socialnamnden-2025/goals.toml"),
    seed_file!("sodertalje/plans/socialnamnden-2025/indicators.toml"),
    seed_file!("sodertalje/plans/socialnamnden-2025/focus_areas.toml"),
    seed_file!("norrtalje/economy/socialnamnden.toml"),
    seed_file!("sodertalje/economy/socialnamnden.toml"),
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TenantToml {
    slug: String,
    name: String,
    vision_title: Option<String>,
    vision: Option<String>,
    values: Option<String>,
    indicator_method: Option<engine::assess::Method>,
    money_unit: Option<engine::economy::MoneyUnit>,
    #[serde(default)]
    levels: Vec<Level>,
    #[serde(default)]
    councils: Vec<Council>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlanToml {
    council: String,
    name: String,
    kind: Option<String>,
    first_year: i32,
    last_year: i32,
    decision: Option<Decision>,
    #[serde(default)]
    sections: Vec<Section>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GoalsToml {
    goals: Vec<Goal>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IndicatorsToml {
    indicators: Vec<IndicatorToml>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IndicatorToml {
    code: String,
    goal: String,
    name: String,
    #[serde(default)]
    definition: String,
    kind: IndicatorKind,
    unit: String,
    decimals: u32,
    direction: Better,
    periodicity: engine::Periodicity,
    cumulative: bool,
    department: Option<String>,
    source: Option<String>,
    kolada: Option<String>,
    baseline: Option<Baseline>,
    #[serde(default)]
    footnotes: Vec<String>,
    #[serde(default)]
    targets: BTreeMap<String, TargetToml>,
    #[serde(default)]
    outcomes: BTreeMap<String, String>,
    #[serde(default)]
    forecasts: BTreeMap<String, String>,
    method: Option<engine::assess::Method>,
    economy: Option<doc::EconomySource>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum TargetToml {
    Written(String),
    Labelled { target: String, label: String },
    Statement { text: String },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AssignmentsToml {
    assignments: Vec<doc::Assignment>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FocusAreasToml {
    focus_areas: Vec<doc::FocusArea>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ActivitiesToml {
    activities: Vec<doc::Activity>,
}

/// One tenant's seed files as read so far.
#[derive(Default)]
struct TenantParts {
    dir: String,
    document: Option<TenantDocument>,
    plans: BTreeMap<String, PlanParts>,
    economies: Vec<doc::Economy>,
}

impl TenantParts {
    /// Reads one file of the tenant; problems inside a file that parsed go to `problems`.
    fn add(&mut self, path: &str, parts: &[&str], text: &str, problems: &mut Vec<Problem>) -> Result<(), Problem> {
        match parts {
            [_, "tenant.toml"] => parse::<TenantToml>(path, text).map(|t| self.document = Some(tenant_document(t))),
            [_, "plans", plan, file] => self.plans.entry((*plan).to_owned()).or_default().add(path, file, text),
            [_, "economy", _] => {
                match economy::economy(path, parse(path, text)?) {
                    Ok(economy) => self.economies.push(economy),
                    Err(mut found) => problems.append(&mut found),
                }
                Ok(())
            }
            _ => Err(Problem::new(
                file(path),
                Message::NotOneOf {
                    text: echo(path),
                    allowed: vec![
                        "<tenant>/tenant.toml".into(),
                        "<tenant>/plans/<plan>/<part>.toml".into(),
                        "<tenant>/economy/<council>.toml".into(),
                    ],
                },
            )),
        }
    }
}

/// Reads seed files (`<tenant>/tenant.toml`, `<tenant>/plans/<dir>/<part>.toml`,
/// `<tenant>/economy/<council>.toml`) into one document per tenant, in the order the
/// tenants first appear. Every problem is reported, each with its file.
pub fn read(files: &[(&str, &str)]) -> Result<Vec<TenantDocument>, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut tenants: Vec<TenantParts> = Vec::new();
    for (path, text) in files {
        let parts: Vec<&str> = path.split('/').collect();
        let entry_index = match tenants.iter().position(|t| t.dir == parts[0]) {
            Some(i) => i,
            None => {
                tenants.push(TenantParts {
                    dir: parts[0].to_owned(),
                    ..TenantParts::default()
                });
                tenants.len() - 1
            }
        };
        if let Err(problem) = tenants[entry_index].add(path, &parts, text, &mut problems) {
            problems.push(problem);
        }
    }
    let mut documents = Vec::new();
    for TenantParts {
        dir,
        document,
        plans,
        economies,
    } in tenants
    {
        let Some(mut document) = document else {
            problems.push(Problem::new(file(&format!("{dir}/tenant.toml")), Message::Missing));
            continue;
        };
        for (plan_dir, parts) in plans {
            match parts.into_plan(&format!("{dir}/plans/{plan_dir}")) {
                Ok(plan) => document.plans.push(plan),
                Err(mut found) => problems.append(&mut found),
            }
        }
        document.economies = economies;
        documents.push(document);
    }
    if problems.is_empty() {
        Ok(documents)
    } else {
        Err(problems)
    }
}

fn parse<T: for<'de> Deserialize<'de>>(path: &str, text: &str) -> Result<T, Problem> {
    toml::from_str(text).map_err(|e| {
        let message = Message::SyntaxError {
            format: "TOML".into(),
            detail: e.to_string().trim_end().to_owned(),
        };
        Problem::new(file(path), message)
    })
}

fn file(path: &str) -> Place {
    Place::File { path: path.to_owned() }
}

fn tenant_document(t: TenantToml) -> TenantDocument {
    TenantDocument {
        format: doc::FORMAT.to_owned(),
        format_version: doc::FORMAT_VERSION,
        tenant: TenantInfo {
            slug: t.slug,
            name: t.name,
            vision_title: t.vision_title,
            vision: t.vision,
            values: t.values,
            indicator_method: t.indicator_method,
            money_unit: t.money_unit,
        },
        levels: t.levels,
        councils: t.councils,
        plans: Vec::new(),
        economies: Vec::new(),
    }
}

#[derive(Default)]
struct PlanParts {
    plan: Option<PlanToml>,
    content: PlanContent,
    indicators: Vec<(String, IndicatorToml)>,
}

impl PlanParts {
    fn add(&mut self, path: &str, file: &str, text: &str) -> Result<(), Problem> {
        match file {
            "plan.toml" => self.plan = Some(parse(path, text)?),
            "goals.toml" => self.content.goals = parse::<GoalsToml>(path, text)?.goals,
            "indicators.toml" => {
                let file: IndicatorsToml = parse(path, text)?;
                self.indicators = file.indicators.into_iter().map(|i| (path.to_owned(), i)).collect();
            }
            "assignments.toml" => self.content.assignments = parse::<AssignmentsToml>(path, text)?.assignments,
            "focus_areas.toml" => self.content.focus_areas = parse::<FocusAreasToml>(path, text)?.focus_areas,
            "activities.toml" => self.content.activities = parse::<ActivitiesToml>(path, text)?.activities,
            _ => {
                let parts = [
                    "plan",
                    "goals",
                    "indicators",
                    "assignments",
                    "focus_areas",
                    "activities",
                ];
                let message = Message::NotOneOf {
                    text: echo(file),
                    allowed: parts.iter().map(|p| format!("{p}.toml")).collect(),
                };
                return Err(Problem::new(self::file(path), message));
            }
        }
        Ok(())
    }

    fn into_plan(mut self, dir: &str) -> Result<doc::Plan, Vec<Problem>> {
        let Some(plan) = self.plan else {
            return Err(vec![Problem::new(file(&format!("{dir}/plan.toml")), Message::Missing)]);
        };
        let mut problems = Vec::new();
        for (path, indicator) in self.indicators {
            match indicator_document(indicator) {
                Ok(indicator) => self.content.indicators.push(indicator),
                Err(mut found) => {
                    for problem in &mut found {
                        problem.location.0.insert(0, file(&path));
                    }
                    problems.append(&mut found);
                }
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        self.content.sections = plan.sections;
        let (status, adopted) = match plan.decision {
            Some(decision) => {
                let adopted_at = decision.date.and_time(chrono::NaiveTime::MIN).and_utc();
                let frozen = self.content.clone().frozen();
                let version = AdoptedVersion {
                    version: 1,
                    decision,
                    adopted_at,
                    adopted_by: "seed".to_owned(),
                    content: frozen,
                };
                (PlanStatus::Adopted, vec![version])
            }
            None => (PlanStatus::Draft, Vec::new()),
        };
        Ok(doc::Plan {
            council: plan.council,
            name: plan.name,
            kind: plan.kind,
            first_year: plan.first_year,
            last_year: plan.last_year,
            status,
            version: 1,
            adopted,
            content: self.content,
            manual_verdicts: Vec::new(),
        })
    }
}

fn indicator_document(i: IndicatorToml) -> Result<doc::Indicator, Vec<Problem>> {
    let mut problems = Vec::new();
    let here = |field: String| Location::of(Place::Indicator { code: i.code.clone() }).field(&field);
    let mut targets = Vec::new();
    for (year, written) in &i.targets {
        let Ok(year_number) = year.parse::<i32>() else {
            problems.push(Problem::new(
                here(format!("targets.{year}")),
                Message::NotAYear { text: echo(year) },
            ));
            continue;
        };
        let (parsed, label) = match written {
            TargetToml::Written(text) => (Target::parse(text), None),
            TargetToml::Labelled { target, label } => (Target::parse(target), Some(label.clone())),
            TargetToml::Statement { text } => (Ok(Target::Statement { text: text.clone() }), None),
        };
        match parsed {
            Ok(target) => targets.push(YearTarget {
                year: year_number,
                target,
                label,
            }),
            Err(e) => problems.push(Problem::new(here(format!("targets.{year}")), (&e).into())),
        }
    }
    let mut values = Vec::new();
    for (kind, series, field) in [
        (ValueKind::Outcome, &i.outcomes, "outcomes"),
        (ValueKind::Forecast, &i.forecasts, "forecasts"),
    ] {
        for (period, written) in series {
            let period_parsed = period.parse::<Period>();
            let value = parse_number(written);
            match (period_parsed, value) {
                (Ok(period), Ok(value)) => values.push(doc::PeriodValue {
                    period,
                    kind,
                    gender: doc::Gender::Total,
                    value,
                    comment: None,
                }),
                (Err(e), _) => problems.push(Problem::new(here(format!("{field}.{period}")), (&e).into())),
                (_, Err(e)) => problems.push(Problem::new(here(format!("{field}.{period}")), (&e).into())),
            }
        }
    }
    values.sort_by_key(|v| (v.period, v.kind));
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(doc::Indicator {
        code: i.code,
        goal: i.goal,
        name: i.name,
        definition: i.definition,
        kind: i.kind,
        unit: i.unit,
        decimals: i.decimals,
        direction: i.direction,
        periodicity: i.periodicity,
        cumulative: i.cumulative,
        department: i.department,
        source: i.source,
        kolada: i.kolada,
        baseline: i.baseline,
        footnotes: i.footnotes,
        targets,
        method: i.method,
        economy: i.economy,
        values,
    })
}

mod economy;
#[cfg(test)]
mod tests;
