use super::*;
use crate::exchange::document::*;

fn base() -> TenantDocument {
    serde_json::from_value(serde_json::json!({
        "format": FORMAT, "format_version": FORMAT_VERSION,
        "tenant": { "slug": "testkommun", "name": "Testkommun" },
        "levels": [
            { "key": "omrade", "name": "Målområde", "plural": "Målområden", "numbering": "sequence",
              "sections": ["Beskrivning"], "carries": [] },
            { "key": "mal", "name": "Nämndmål", "plural": "Nämndmål", "numbering": "nested",
              "sections": [], "carries": ["indicators", "assignments"] }
        ],
        "councils": [{ "slug": "socialnamnden", "name": "Socialnämnden", "departments": ["Vuxna"] }],
        "plans": [{
            "council": "socialnamnden", "name": "Verksamhetsplan 2026", "first_year": 2026, "last_year": 2026,
            "status": "draft", "version": 1,
            "content": {
                "goals": [
                    { "code": "1", "level": "omrade", "number": "1", "title": "Trygghet",
                      "sections": [{ "title": "Beskrivning", "text": "…" }] },
                    { "code": "1.1", "parent": "1", "level": "mal", "number": "1.1", "title": "Fritt från våld" }
                ],
                "indicators": [{
                    "code": "vald", "goal": "1.1", "name": "Insatser mot våld", "kind": "namnd", "unit": "st",
                    "decimals": 0, "direction": "higher", "periodicity": "month", "cumulative": true,
                    "department": "Vuxna",
                    "targets": [{ "year": 2026, "target": { "kind": "value", "value": "20" } }],
                    "values": [{ "period": "2026-01", "kind": "outcome", "gender": "T", "value": "3" }]
                }],
                "assignments": [{ "kind": "initiativ", "goal": "1.1", "title": "Utveckla stödet" }]
            }
        }]
    }))
    .expect("base document")
}

#[test]
fn the_base_document_is_valid() {
    assert_eq!(document(&base()), []);
}

#[test]
fn a_version_1_document_is_read_and_its_own_inputs_may_be_named() {
    let mut doc = base();
    doc.format_version = 1;
    assert_eq!(document(&doc), []);
    let goals = &mut doc.plans[0].content.goals;
    goals[0].rule = Some(engine::assess::Rule::count_green_including(1, "1.1"));
    goals[1].rule = Some(engine::assess::Rule::count_green_including(1, "vald"));
    assert_eq!(document(&doc), [], "a child goal and an own indicator");
}

#[test]
fn each_inconsistency_is_reported_where_it_is() {
    type Change = fn(&mut TenantDocument);
    let cases: &[(Change, &str)] = &[
        (
            |d| d.format_version = 99,
            "format: the document is \"malbild-tenant\" version 99",
        ),
        (
            |d| d.plans[0].content.goals[0].rule = Some(engine::assess::Rule::count_green_including(1, "vald")),
            "goal \"1\" › rule: \"vald\" is neither an indicator nor a sub-goal of 1",
        ),
        (
            |d| {
                d.levels[1].rule = Some(engine::assess::Rule::CountGreen {
                    green: engine::assess::Quota::Share(rust_decimal::Decimal::from(150)),
                    rest_at_least: None,
                    mandatory: Vec::new(),
                })
            },
            "level \"mal\" › rule: ",
        ),
        (
            |d| {
                d.plans[0].content.indicators[0].method = Some(engine::assess::Method::Threshold {
                    margin: engine::assess::Margin::Percent(rust_decimal::Decimal::from(-5)),
                })
            },
            "indicator \"vald\" › method: a margin cannot be negative",
        ),
        (
            |d| d.tenant.slug = "Test Kommun".into(),
            "tenant.slug: \"Test Kommun\" is not a valid code",
        ),
        (
            |d| d.levels[1].key = "omrade".into(),
            "level \"omrade\": \"omrade\" appears twice",
        ),
        (
            |d| d.councils[0].departments.push("Vuxna".into()),
            "Departments: \"Vuxna\" appears twice",
        ),
        (
            |d| d.plans[0].council = "kfn".into(),
            "plan \"Verksamhetsplan 2026\" › Council: \"kfn\" is not a council of the municipality",
        ),
        (
            |d| d.plans[0].last_year = 2025,
            "Last year: the last year (2025) is before the first year (2026)",
        ),
        (
            |d| d.plans[0].status = PlanStatus::Adopted,
            "status: an adopted plan's version",
        ),
        (
            |d| d.plans[0].content.goals[1].parent = Some("9".into()),
            "goal \"1.1\" › Parent goal: \"9\" is not a goal listed before it",
        ),
        (
            |d| {
                d.plans[0].content.goals[1].contributes_to = vec![crate::exchange::document::GoalLink {
                    goal: "kf9".into(),
                    kind: crate::domain::Contribution::Direct,
                }]
            },
            "goal \"1.1\" › contributes_to: \"kf9\" is not a goal of the municipality's plan for these years",
        ),
        (
            |d| d.plans[0].content.goals[1].level = "omrade".into(),
            "goal \"1.1\" › level: is on the level Målområde, which is not below its parent's level Målområde",
        ),
        (
            |d| d.plans[0].content.goals[1].code = "1".into(),
            "goal \"1\": \"1\" appears twice",
        ),
        (
            |d| d.plans[0].content.goals[0].sections[0].title = "Ambition".into(),
            "\"Ambition\" is not a section of Målområde",
        ),
        (
            |d| d.plans[0].content.indicators[0].goal = "1".into(),
            "goal 1 is on the level Målområde, which does not carry indicators",
        ),
        (
            |d| d.plans[0].content.indicators[0].department = Some("Barn".into()),
            "Responsible department: \"Barn\" is not a department of Socialnämnden",
        ),
        (
            |d| d.plans[0].content.indicators[0].decimals = 9,
            "decimals: may be at most 6, but is 9",
        ),
        (
            |d| d.plans[0].content.indicators[0].periodicity = engine::Periodicity::Tertial,
            "Values › 2026-01: the period is a month, but the indicator is measured per tertial",
        ),
        (
            |d| {
                let v = d.plans[0].content.indicators[0].values[0].clone();
                d.plans[0].content.indicators[0].values.push(v)
            },
            "the value for 2026-01 (outcome, total) appears twice",
        ),
        (
            |d| {
                let t = d.plans[0].content.indicators[0].targets[0].clone();
                d.plans[0].content.indicators[0].targets.push(t)
            },
            "Targets: \"2026\" appears twice",
        ),
        (
            |d| {
                let p = d.plans[0].clone();
                let mut p2 = p;
                p2.name = "Plan 2".into();
                d.plans.push(p2)
            },
            "indicator \"vald\": there is already an indicator with the code \"vald\"",
        ),
        (
            |d| d.plans[0].content.assignments[0].goal = Some("1".into()),
            "does not carry uppdrag or initiativ",
        ),
        (
            |d| d.plans[0].content.assignments[0].title = " ".into(),
            "Title: must not be empty",
        ),
    ];
    for (change, expected) in cases {
        let mut doc = base();
        change(&mut doc);
        let problems: Vec<String> = document(&doc).iter().map(ToString::to_string).collect();
        assert!(
            problems.iter().any(|p| p.contains(expected)),
            "expected {expected:?} in {problems:#?}"
        );
    }
}

fn manual(goal: Option<&str>, indicator: Option<&str>, period: &str, motivation: &str) -> ManualVerdict {
    ManualVerdict {
        goal: goal.map(str::to_owned),
        indicator: indicator.map(str::to_owned),
        period: period.parse().expect("period"),
        verdict: engine::assess::Verdict::Yellow,
        motivation: motivation.to_owned(),
        given_by: "Ann".to_owned(),
        given_at: chrono::Utc::now(),
    }
}

#[test]
fn manual_verdicts_name_one_subject_of_the_plan_once_per_period_with_a_motivation() {
    let mut doc = base();
    doc.plans[0].manual_verdicts = vec![
        manual(Some("1.1"), None, "2026-T2", "Helhetsbedömning"),
        manual(None, Some("vald"), "2026-08", "Bedömt manuellt"),
    ];
    assert_eq!(document(&doc), []);
    doc.plans[0].manual_verdicts.extend([
        manual(Some("1.1"), None, "2026-T2", "Igen"),
        manual(Some("9"), None, "2026-08", "x"),
        manual(None, None, "2026-08", "x"),
        manual(None, Some("vald"), "2027", "x"),
        manual(Some("1"), None, "2026", "  "),
    ]);
    let problems: Vec<String> = document(&doc).iter().map(ToString::to_string).collect();
    let expected = [
        "manual_verdicts › no. 3 › Period: \"2026-T2\" appears twice",
        "manual_verdicts › no. 4: \"9\" is not a goal of the plan",
        "manual_verdicts › no. 5: give either a goal or an indicator",
        "manual_verdicts › no. 6 › Period: 2027 is outside the years 2026–2026",
        "manual_verdicts › no. 7 › Motivation: must not be empty",
    ];
    assert_eq!(problems.len(), expected.len(), "{problems:#?}");
    for (problem, want) in problems.iter().zip(expected) {
        assert!(problem.contains(want), "{problem} should contain {want}");
    }
}

fn with_economy() -> TenantDocument {
    let mut doc = base();
    doc.economies = serde_json::from_value(serde_json::json!([{
        "council": "socialnamnden",
        "tables": [{
            "key": "drift", "kind": "operating", "title": "Driftbudget, tkr", "unit": "tkr",
            "columns": [{ "label": "Utfall 2024", "figure": "outcome", "year": 2024 },
                        { "label": "Avvikelse", "figure": "deviation", "of": [0, 1] }],
            "rows": [{ "label": "Netto", "role": "net", "values": ["-415390", null] }]
        }],
        "action_plans": [{ "key": "balans", "title": "Åtgärdsplan", "unit": "tkr",
                           "measures": [{ "number": 1, "name": "Minskade kostnader" }] }]
    }]))
    .expect("economies");
    doc
}

/// Figures that do not add up are no problem for import (the checks report them); a table
/// that is not well formed, a council that does not exist, a repeated key are.
#[test]
fn an_economy_is_checked_for_shape_not_for_its_sums() {
    assert_eq!(document(&with_economy()), []);
    type Change = fn(&mut TenantDocument);
    let cases: &[(Change, &str)] = &[
        (
            |d| d.economies[0].council = "kf".into(),
            "council \"kf\": \"kf\" is not a council of the municipality",
        ),
        (
            |d| d.economies[0].tables[0].rows[0].values.push(None),
            "row \"Netto\": the row has 3 values but the table has 2 columns",
        ),
        (
            |d| d.economies[0].tables[0].columns[1].of = Some([0, 5]),
            "column \"Avvikelse\": the table has no column 5",
        ),
        (
            |d| {
                let again = d.economies[0].tables[0].clone();
                d.economies[0].tables.push(again)
            },
            "table \"drift\": \"drift\" appears twice",
        ),
        (
            |d| {
                let again = d.economies[0].action_plans[0].measures[0].clone();
                d.economies[0].action_plans[0].measures.push(again)
            },
            "measure 1: \"1\" appears twice",
        ),
    ];
    for (change, expected) in cases {
        let mut doc = with_economy();
        change(&mut doc);
        let found: Vec<String> = document(&doc).iter().map(ToString::to_string).collect();
        assert!(found.iter().any(|p| p.contains(expected)), "{expected}: {found:#?}");
    }
}
