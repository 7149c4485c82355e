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
        ($path, include_str!(concat!("../../../seeds/demo/", $path)))
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

/// Reads seed files (`<tenant>/tenant.toml`, `<tenant>/plans/<dir>/<part>.toml`) into one
/// document per tenant, in the order the tenants first appear. Every problem is reported,
/// each with its file.
pub fn read(files: &[(&str, &str)]) -> Result<Vec<TenantDocument>, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut tenants: Vec<(String, Option<TenantDocument>, BTreeMap<String, PlanParts>)> = Vec::new();
    for (path, text) in files {
        let parts: Vec<&str> = path.split('/').collect();
        let entry_index = match tenants.iter().position(|(dir, ..)| dir == parts[0]) {
            Some(i) => i,
            None => {
                tenants.push((parts[0].to_owned(), None, BTreeMap::new()));
                tenants.len() - 1
            }
        };
        let (_, document, plans) = &mut tenants[entry_index];
        let result = match parts.as_slice() {
            [_, "tenant.toml"] => parse::<TenantToml>(path, text).map(|t| *document = Some(tenant_document(t))),
            [_, "plans", plan, file] => plans.entry((*plan).to_owned()).or_default().add(path, file, text),
            _ => Err(Problem::new(
                file(path),
                Message::NotOneOf {
                    text: echo(path),
                    allowed: vec![
                        "<tenant>/tenant.toml".into(),
                        "<tenant>/plans/<plan>/<part>.toml".into(),
                    ],
                },
            )),
        };
        if let Err(problem) = result {
            problems.push(problem);
        }
    }
    let mut documents = Vec::new();
    for (dir, document, plans) in tenants {
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
        },
        levels: t.levels,
        councils: t.councils,
        plans: Vec::new(),
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
        values,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_in_the_seed_directory_is_compiled_in() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds/demo");
        let mut found = Vec::new();
        let mut dirs = vec![root.clone()];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).expect("seed directory") {
                let path = entry.expect("entry").path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "toml") {
                    found.push(
                        path.strip_prefix(&root)
                            .expect("under root")
                            .to_string_lossy()
                            .replace('\\', "/"),
                    );
                }
            }
        }
        found.sort();
        let mut listed: Vec<String> = DEMO_FILES.iter().map(|(p, _)| (*p).to_owned()).collect();
        listed.sort();
        assert_eq!(found, listed);
    }

    const TENANT: &str = r#"
slug = "testkommun"
name = "Testkommun"
[[levels]]
key = "mal"
name = "Mål"
plural = "Mål"
numbering = "sequence"
sections = []
carries = ["indicators"]
[[councils]]
slug = "socialnamnden"
name = "Socialnämnden"
departments = ["Vuxna"]
"#;

    const PLAN: &str = r#"
council = "socialnamnden"
name = "Verksamhetsplan 2026"
first_year = 2026
last_year = 2026
"#;

    const GOALS: &str = r#"
[[goals]]
code = "1"
level = "mal"
number = "1"
title = "Ett mål"
"#;

    fn indicators(targets: &str, outcomes: &str) -> String {
        format!(
            r#"
[[indicators]]
code = "sjukfranvaro"
goal = "1"
name = "Sjukfrånvaro"
kind = "kf"
unit = "%"
decimals = 1
direction = "lower"
periodicity = "year"
cumulative = false
[indicators.targets]
{targets}
[indicators.outcomes]
{outcomes}
"#
        )
    }

    fn read_with(indicators: &str) -> Result<Vec<TenantDocument>, Vec<Problem>> {
        read(&[
            ("t/tenant.toml", TENANT),
            ("t/plans/p/plan.toml", PLAN),
            ("t/plans/p/goals.toml", GOALS),
            ("t/plans/p/indicators.toml", indicators),
        ])
    }

    #[test]
    fn reads_targets_and_values_in_every_written_form() {
        let text = indicators(
            r#""2025" = "5,8"
"2026" = { target = "<= 24", label = "Inom 24 timmar" }
"2027" = { text = "Samtliga når sina riktvärden" }
"2028" = "Öka""#,
            r#""2024" = "8,8"
"2023" = "-4,1""#,
        );
        let docs = read_with(&text).expect("reads");
        let indicator = &docs[0].plans[0].content.indicators[0];
        let shown: Vec<String> = indicator.targets.iter().map(|t| t.target.to_string()).collect();
        assert_eq!(shown, ["5,8", "≤ 24", "Samtliga når sina riktvärden", "Öka"]);
        assert_eq!(indicator.targets[1].label.as_deref(), Some("Inom 24 timmar"));
        let values: Vec<String> = indicator
            .values
            .iter()
            .map(|v| format!("{}={}", v.period, v.value))
            .collect();
        assert_eq!(values, ["2023=-4.1", "2024=8.8"]);
        assert_eq!(docs[0].plans[0].status, doc::PlanStatus::Draft);
    }

    #[test]
    fn reports_every_bad_value_with_its_file_and_place() {
        let text = indicators(
            r#""2026" = "Öja""#,
            r#""2024-13" = "8,8"
"2025" = "åtta""#,
        );
        let problems = read_with(&text).expect_err("rejected");
        let texts: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(texts.len(), 3, "{texts:#?}");
        assert!(
            texts[0].starts_with(
                "file t/plans/p/indicators.toml › indicator \"sjukfranvaro\" › targets.2026: \"Öja\" is not a target"
            ),
            "{texts:#?}"
        );
        assert!(
            texts[1].contains("outcomes.2024-13: \"2024-13\" does not exist"),
            "{texts:#?}"
        );
        assert!(
            texts[2].contains("outcomes.2025: \"åtta\" is not a number"),
            "{texts:#?}"
        );
    }

    #[test]
    fn a_syntax_error_names_the_file_and_line() {
        let problems = read(&[("t/tenant.toml", "slug = ")]).expect_err("rejected");
        assert_eq!(problems[0].location, Location::of(file("t/tenant.toml")));
        let Message::SyntaxError { format, detail } = &problems[0].message else {
            panic!("{:?}", problems[0]);
        };
        assert_eq!(format, "TOML");
        assert!(detail.contains("line 1"), "{detail}");
    }

    #[test]
    fn unknown_files_and_missing_parts_are_problems() {
        let problems = read(&[
            ("t/tenant.toml", TENANT),
            ("t/plans/p/goals.toml", GOALS),
            ("t/notes.txt", ""),
        ])
        .expect_err("rejected");
        let texts: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(texts.len(), 2, "{texts:#?}");
        assert!(
            texts[0].starts_with("file t/notes.txt: \"t/notes.txt\" cannot be used here"),
            "{texts:#?}"
        );
        assert_eq!(texts[1], "file t/plans/p/plan.toml: is missing");
    }
}
