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

const ECONOMY: &str = r#"
council = "socialnamnden"

[[table]]
key = "driftbudget"
kind = "operating"
title = "Driftbudget, tkr"
unit = "tkr"
columns = [
  { label = "Utfall 2024", kind = "outcome", year = 2024 },
  { label = "Budget 2025", kind = "budget", year = 2025 },
]
rows = [
  { label = "Netto", role = "net", values = [-415_390, "-372 965"] },
  { label = "Förändring i %", role = "change_percent", values = ["", "-10,21"] },
]
"#;

#[test]
fn an_economy_file_reads_every_figure_exactly_as_written() {
    let docs = read(&[("t/tenant.toml", TENANT), ("t/economy/socialnamnden.toml", ECONOMY)]).expect("reads");
    let table = &docs[0].economies[0].tables[0];
    let figures: Vec<Vec<Option<String>>> = (table.rows.iter())
        .map(|r| r.values.iter().map(|v| v.map(|v| v.to_string())).collect())
        .collect();
    assert_eq!(
        figures,
        [
            vec![Some("-415390".into()), Some("-372965".into())],
            vec![None, Some("-10.21".into())]
        ]
    );
    assert_eq!(table.kind, engine::economy::TableKind::Operating);
}

#[test]
fn an_economy_files_problems_name_the_table_row_and_field() {
    let bad = ECONOMY
        .replace(r#"kind = "operating""#, r#"kind = "budgetish""#)
        .replace(r#""-372 965""#, r#""tre""#);
    let problems = read(&[("t/tenant.toml", TENANT), ("t/economy/socialnamnden.toml", &bad)]).expect_err("rejected");
    let texts: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(texts.len(), 2, "{texts:#?}");
    assert!(
        texts[0].starts_with(
            "file t/economy/socialnamnden.toml › table \"driftbudget\" › kind: \"budgetish\" cannot be used here; use operating, activities"
        ),
        "{texts:#?}"
    );
    assert!(
        texts[1].contains("table \"driftbudget\" › row \"Netto\" › values.2: \"tre\" is not a number"),
        "{texts:#?}"
    );
}
