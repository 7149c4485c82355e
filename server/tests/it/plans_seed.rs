//! The demo seeds hold the real plans (001, 003, 004): spot checks of many figures, read
//! back through the export, and the export → import → export round trip.

use crate::common::{TestApp, english};
use rust_decimal::Decimal;
use std::str::FromStr;

use app::exchange::document::{
    AssignmentForecast, AssignmentKind, AssignmentStatus, Gender, Indicator, Plan, TenantDocument, ValueKind,
};
use app::services::ServiceError;
use app::services::tenant_document::{export_tenant, import_document};

fn plan<'a>(doc: &'a TenantDocument, name: &str) -> &'a Plan {
    doc.plans
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("plan {name}"))
}

fn indicator<'a>(plan: &'a Plan, code: &str) -> &'a Indicator {
    plan.content
        .indicators
        .iter()
        .find(|i| i.code == code)
        .unwrap_or_else(|| panic!("indicator {code}"))
}

fn value(indicator: &Indicator, period: &str, kind: ValueKind) -> Option<Decimal> {
    indicator
        .values
        .iter()
        .find(|v| v.period.to_string() == period && v.kind == kind && v.gender == Gender::Total)
        .map(|v| v.value)
}

fn target(indicator: &Indicator, year: i32) -> Option<String> {
    indicator
        .targets
        .iter()
        .find(|t| t.year == year)
        .map(|t| t.target.to_string())
}

fn d(text: &str) -> Option<Decimal> {
    Some(Decimal::from_str(text).expect("decimal"))
}

#[tokio::test]
async fn norrtalje_holds_the_2026_2028_plan() {
    let app = TestApp::spawn().await;
    let doc = export_tenant(&app.db, "norrtalje").await.expect("export");
    assert_eq!(
        doc.tenant.vision_title.as_deref(),
        Some("Vi ska vara den mest attraktiva och trygga platsen att bo, verka och besöka")
    );
    assert!(
        doc.tenant
            .values
            .as_deref()
            .is_some_and(|v| v.contains("Invånaren först"))
    );
    let levels: Vec<&str> = doc.levels.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(levels, ["Målområde", "Inriktningsmål"]);

    let p = plan(&doc, "Verksamhetsplan 2026–2028");
    assert_eq!((p.first_year, p.last_year), (2026, 2028));
    let areas: Vec<&str> = p
        .content
        .goals
        .iter()
        .filter(|g| g.parent.is_none())
        .map(|g| g.number.as_str())
        .collect();
    assert_eq!(areas, ["1", "2", "3", "4", "5", "6", "7"]);
    assert_eq!(p.content.goals.iter().filter(|g| g.parent.is_some()).count(), 19);
    let first = &p.content.goals[0];
    assert_eq!(first.title, "Norrtälje ska ha en sund och hållbar ekonomi i balans");
    assert_eq!(first.sections[0].title, "Ambitionsnivå 2035");
    assert!(
        first.sections[0]
            .text
            .contains("stärkt ekonomi som skapar maximal nytta")
    );
    let balance = p.content.goals.iter().find(|g| g.code == "1.1").expect("1.1");
    assert_eq!(balance.title, "En ekonomi i balans");
    assert_eq!(p.content.goals[1].code, "1.1", "goals come in tree order");

    let budget = indicator(p, "budgetfoljsamhet");
    assert_eq!(value(budget, "2023", ValueKind::Outcome), d("6.2"));
    assert_eq!(value(budget, "2024", ValueKind::Outcome), d("-4.1"));
    assert_eq!(value(budget, "2025", ValueKind::Forecast), d("1.0"));
    assert_eq!(target(budget, 2028).as_deref(), Some("0"));

    let long_term = indicator(p, "langvarigt-ekonomiskt-bistand");
    assert_eq!(value(long_term, "2023", ValueKind::Outcome), d("534"));
    assert_eq!(value(long_term, "2024", ValueKind::Outcome), d("448"));
    assert_eq!(target(long_term, 2028).as_deref(), Some("460"));
    assert_eq!(long_term.department.as_deref(), Some("Vuxna"));

    let sick = indicator(p, "sjukfranvaro");
    assert_eq!(value(sick, "2024", ValueKind::Outcome), d("8.8"));
    assert_eq!(target(sick, 2027).as_deref(), Some("5,8"));

    let response = indicator(p, "svarstid-gemensam-mottagning");
    let labelled = response.targets.iter().find(|t| t.year == 2026).expect("2026 target");
    assert_eq!(
        (labelled.target.to_string(), labelled.label.as_deref()),
        ("≤ 24".to_owned(), Some("Inom 24 timmar"))
    );

    let monthly = indicator(p, "sjukfranvaro-manad");
    assert_eq!(monthly.values.len(), 22, "Jan 2024 – Oct 2025");
    assert_eq!(value(monthly, "2024-01", ValueKind::Outcome), d("8.41"));
    assert_eq!(value(monthly, "2024-12", ValueKind::Outcome), d("10.50"));
    assert_eq!(value(monthly, "2025-10", ValueKind::Outcome), d("2.31"));

    let kinds = |kind| p.content.indicators.iter().filter(|i| i.kind == kind).count();
    assert_eq!(kinds(app::exchange::document::IndicatorKind::Kf), 8);

    let initiative = p
        .content
        .assignments
        .iter()
        .find(|a| a.title.starts_with("Utveckla förvaltningens ledning och styrning"))
        .expect("nämndinitiativ 1.2");
    assert_eq!(initiative.kind, AssignmentKind::Initiativ);
    assert_eq!(
        (initiative.goal.as_deref(), initiative.department.as_deref()),
        (Some("1.2"), Some("Förvaltningsledning"))
    );
    assert_eq!(
        initiative.end_date.map(|d| d.to_string()).as_deref(),
        Some("2026-12-31")
    );
}

#[tokio::test]
async fn norrtalje_holds_the_2024_uppdrag_and_initiativ_of_the_july_report() {
    let app = TestApp::spawn().await;
    let doc = export_tenant(&app.db, "norrtalje").await.expect("export");
    let p = plan(&doc, "Verksamhetsplan 2024");
    let count = |kind, status, forecast| {
        p.content
            .assignments
            .iter()
            .filter(|a| a.kind == kind && a.status == Some(status) && a.forecast == Some(forecast))
            .count()
    };
    use AssignmentForecast::*;
    use AssignmentKind::*;
    use AssignmentStatus::*;
    // 003's Status × Prognos table.
    assert_eq!(count(Uppdrag, Paborjad, EnligtPlan), 1);
    assert_eq!(count(Uppdrag, Paborjad, Avvikelse), 1);
    assert_eq!(count(Uppdrag, Slutford, EnligtPlan), 1);
    assert_eq!(count(Initiativ, EjPaborjad, Avvikelse), 1);
    assert_eq!(count(Initiativ, Paborjad, EnligtPlan), 3);
    assert_eq!(count(Initiativ, Paborjad, Avvikelse), 2);
    assert_eq!(count(Initiativ, Slutford, EnligtPlan), 2);
    let shelter = p
        .content
        .assignments
        .iter()
        .find(|a| a.title == "Etablera ett akutboende i egen regi.")
        .expect("akutboende");
    assert_eq!(
        shelter.department.as_deref(),
        Some("Avdelningen för försörjning och arbete")
    );
    assert_eq!(shelter.goal.as_deref(), Some("3.1"));
    assert_eq!(shelter.comments[0].date.to_string(), "2024-07-31");
    assert_eq!(
        shelter.comments[0].text,
        "Uppdraget har genomförts och är slutrapporterat."
    );
}

#[tokio::test]
async fn sodertalje_holds_the_2025_plan_with_its_restored_spelling() {
    let app = TestApp::spawn().await;
    let doc = export_tenant(&app.db, "sodertalje").await.expect("export");
    let levels: Vec<&str> = doc.levels.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(levels, ["Målområde", "KF-mål", "Nämndens inriktning", "Nämndmål"]);
    // The målområden and KF-mål are the municipality's, in Kommunfullmäktige's Mål och budget.
    let kf = plan(&doc, "Mål och budget 2025");
    let kommunfullmaktige = doc.councils.iter().find(|c| c.slug == kf.council).expect("council");
    assert!(kommunfullmaktige.municipal);
    assert_eq!(
        (kf.kind.as_deref(), kf.first_year, kf.last_year),
        (Some("Mål och budget"), 2025, 2027)
    );
    let in_kf = |key: &str| kf.content.goals.iter().filter(|g| g.level == key).count();
    assert_eq!((in_kf("malomrade"), in_kf("kf_mal")), (3, 6));
    let kf1 = kf.content.goals.iter().find(|g| g.code == "kf1").expect("KF-mål 1");
    assert_eq!(
        kf1.title,
        "Södertälje kommuns invånare lever tryggt och har goda livsvillkor"
    );
    assert!(
        kf1.sections[0]
            .text
            .starts_with("Goda livsvillkor är viktiga för den sociala hållbarheten")
    );
    let p = plan(&doc, "Verksamhetsplan 2025");
    let by_level = |key: &str| p.content.goals.iter().filter(|g| g.level == key).count();
    assert_eq!(
        (by_level("malomrade"), by_level("kf_inriktning"), by_level("namndmal")),
        (0, 6, 6)
    );
    // Each nämndmål contributes directly to its KF-mål; the nämnd's texts on KF-mål stay here.
    let contributions: Vec<(&str, &str)> = (p.content.goals.iter())
        .flat_map(|g| g.contributes_to.iter().map(move |l| (g.code.as_str(), l.goal.as_str())))
        .collect();
    assert_eq!(
        contributions,
        [
            ("1.1", "kf1"),
            ("1.2", "kf1"),
            ("2", "kf2"),
            ("3", "kf3"),
            ("4", "kf4"),
            ("5", "kf5")
        ]
    );
    let sn_kf6 = p
        .content
        .goals
        .iter()
        .find(|g| g.code == "kf6")
        .expect("the nämnd's KF-mål 6");
    assert_eq!(sn_kf6.sections[0].title, "Nämndens bidrag till målet");
    let numbers: Vec<&str> = p
        .content
        .goals
        .iter()
        .filter(|g| g.level == "namndmal")
        .map(|g| g.number.as_str())
        .collect();
    assert_eq!(numbers, ["1.1", "1.2", "2", "3", "4", "5"]);
    assert_eq!(p.content.indicators.len(), 26);
    let on = |goal: &str| p.content.indicators.iter().filter(|i| i.goal == goal).count();
    assert_eq!(
        [on("1.1"), on("1.2"), on("2"), on("3"), on("4"), on("5"), on("kf6")],
        [4, 4, 4, 3, 2, 5, 4]
    );

    let work = indicator(p, "forsorjningstagare-arbete-studier");
    let baseline = work.baseline.as_ref().expect("baseline");
    assert_eq!(
        (baseline.value.as_deref(), baseline.label.as_deref()),
        (Some("23"), Some("Genomsnitt jan–okt 2024"))
    );
    assert_eq!(
        [target(work, 2025), target(work, 2026)],
        [Some("20".to_owned()), Some("Öka".to_owned())]
    );
    assert_eq!(work.source.as_deref(), Some("Egenkontroll"));
    assert!(work.footnotes[0].contains("rehabiliterings"));

    let budget = indicator(p, "budgetfoljsamhet");
    assert_eq!(target(budget, 2025).as_deref(), Some("± 0,5"));
    assert_eq!(budget.source.as_deref(), Some("ERP"));
    let staff = indicator(p, "hme-totalindex");
    assert_eq!(staff.kind, app::exchange::document::IndicatorKind::Kontoret);

    let rule = p.content.goals.iter().find(|g| g.code == "5").expect("nämndmål 5");
    assert!(
        rule.sections[0].text.contains("minst tre av fem indikatorer"),
        "{}",
        rule.sections[0].text
    );
    assert_eq!(p.content.focus_areas.len(), 4);
    assert!(p.content.focus_areas.iter().any(|f| f.goals == ["1.2"]));
    assert!(doc.councils[0].departments.contains(&"Första linjens stöd".to_owned()));
    // Every text a person reads (codes are ASCII by design and left out).
    let mut texts: Vec<&str> = vec![&doc.tenant.name];
    for goal in &p.content.goals {
        texts.push(&goal.title);
        texts.extend(goal.sections.iter().map(|s| s.text.as_str()));
    }
    for i in &p.content.indicators {
        texts.push(&i.name);
        texts.extend(i.footnotes.iter().map(String::as_str));
        texts.extend(i.baseline.iter().filter_map(|b| b.label.as_deref()));
    }
    texts.extend(p.content.sections.iter().map(|s| s.text.as_str()));
    texts.extend(p.content.focus_areas.iter().map(|f| f.text.as_str()));
    let all_text = texts.join("\n");
    for garbled in [
        "Sodertalje",
        "Namnd",
        "namndmal",
        "forebyggande",
        "Socialndmnden",
        "invanare",
        " pa ",
        " ar ",
    ] {
        assert!(!all_text.contains(garbled), "OCR spelling {garbled:?} left in the seed");
    }
}

#[tokio::test]
async fn export_import_export_is_identical() {
    let app = TestApp::spawn().await;
    for slug in ["norrtalje", "sodertalje"] {
        let first = export_tenant(&app.db, slug).await.expect("export");
        assert!(
            !first.economies.is_empty(),
            "{slug}'s economy travels with the document"
        );
        let copy = format!("{slug}-kopia");
        let summary = import_document(&app.db, first.clone(), Some(&copy), "test")
            .await
            .expect("import");
        assert!(summary.indicators > 0 && summary.goals > 0);
        let mut second = export_tenant(&app.db, &copy).await.expect("export copy");
        second.tenant.slug = slug.to_owned();
        assert_eq!(
            serde_json::to_value(&first).expect("json"),
            serde_json::to_value(&second).expect("json")
        );
    }
}

#[tokio::test]
async fn import_refuses_a_tenant_with_plans_and_writes_nothing_from_a_bad_document() {
    let app = TestApp::spawn().await;
    let doc = export_tenant(&app.db, "sodertalje").await.expect("export");
    let err = import_document(&app.db, doc.clone(), None, "test")
        .await
        .expect_err("not empty");
    assert!(
        matches!(err, ServiceError::Conflict(ref m) if english(m).contains("already has")),
        "{err:?}"
    );

    let mut bad = doc;
    bad.plans[0].content.indicators[3].goal = "9".into();
    bad.plans[0].content.indicators[4].department = Some("Ekonomi".into());
    let err = import_document(&app.db, bad, Some("ny-kommun"), "test")
        .await
        .expect_err("invalid");
    let ServiceError::Rejected(problems) = err else {
        panic!("{err:?}")
    };
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert!(
        problems[0]
            .to_string()
            .contains("Goal: \"9\" is not a goal of the plan")
    );
    assert!(
        app::services::tenants::operator_scope(&app.db, "ny-kommun")
            .await
            .is_err(),
        "nothing is written, not even the tenant"
    );
}
