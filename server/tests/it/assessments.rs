//! Verdicts through the API: Södertälje's rules as 004 states them, each goal and indicator
//! of a plan with its verdict and explanation, outcomes moving a nämndmål between colours,
//! and the errors for a bad period, another tenant and an unknown council.

use crate::common::{TestApp, error_code, import_sodertalje_october, no_progress};
use serde_json::Value;

use app::services::outcomes::{FileFormat, import_for};
use app::services::tenant_document::export_tenant;
use engine::assess::{Method, Quota, Rule};

async fn verdicts(client: &reqwest::Client, app: &TestApp, query: &str) -> Vec<Value> {
    let res = client
        .get(app.url(&format!("/api/v1/tenants/sodertalje/assessments?{query}")))
        .send()
        .await
        .expect("request");
    assert_eq!(res.status(), 200);
    res.json().await.expect("json")
}

fn line<'a>(lines: &'a [Value], kind: &str, code: &str) -> &'a Value {
    lines
        .iter()
        .find(|l| l["kind"] == kind && l["code"] == code)
        .unwrap_or_else(|| panic!("no {kind} {code}"))
}

#[tokio::test]
async fn sodertaljes_rules_are_seeded_as_004_states_them() {
    let app = TestApp::spawn().await;
    let doc = export_tenant(&app.db, "sodertalje").await.expect("export");
    let plan = &doc.plans[0];
    let rule = |code: &str| {
        plan.content
            .goals
            .iter()
            .find(|g| g.code == code)
            .and_then(|g| g.rule.clone())
    };
    for code in ["1.1", "1.2", "2"] {
        assert_eq!(rule(code), Some(Rule::count_green(3)), "{code}: 3 of 4 green");
    }
    assert_eq!(rule("3"), Some(Rule::count_green_rest_yellow(2)));
    assert_eq!(rule("4"), Some(Rule::count_green_rest_yellow(1)));
    assert_eq!(
        rule("5"),
        Some(Rule::CountGreen {
            green: Quota::Count(3),
            rest_at_least: None,
            mandatory: vec!["budgetfoljsamhet".into()],
        })
    );
    let kf_level = doc.levels.iter().find(|l| l.key == "kf_mal").expect("KF-mål level");
    assert_eq!(
        kf_level.rule,
        Some(Rule::equal_weights_all_green()),
        "KF-mål 1: both green for green"
    );
    assert!(
        matches!(doc.tenant.indicator_method, Some(Method::Pace { .. })),
        "004 Bilaga 1: an annual target on pace"
    );
}

#[tokio::test]
async fn every_goal_and_indicator_gets_a_verdict_that_outcomes_move() {
    let app = TestApp::spawn().await;
    let viewer = app.login_as("sodertalje", "viewer@sodertalje.example").await;
    let everything = verdicts(&viewer, &app, "period=2025-10").await;
    let doc = export_tenant(&app.db, "sodertalje").await.expect("export");
    let lines: usize = (doc.plans.iter())
        .map(|p| p.content.goals.len() + p.content.indicators.len())
        .sum();
    assert_eq!(everything.len(), lines, "every plan's goals and indicators");
    // KF-mål 6 is the municipality's, assessed only by a helhetsbedömning.
    let kf6 = (everything.iter())
        .find(|l| l["council"] == "kommunfullmaktige" && l["code"] == "kf6")
        .expect("KF-mål 6");
    assert_eq!(kf6["verdict"], "grey", "a helhetsbedömning only");
    let before = verdicts(&viewer, &app, "period=2025-10&council=socialnamnden").await;
    let content = &doc.plans[0].content;
    assert_eq!(before.len(), content.goals.len() + content.indicators.len());
    for l in &before {
        assert!(
            ["green", "yellow", "red", "grey"].contains(&l["verdict"].as_str().unwrap()),
            "{l}"
        );
        assert!(!l["explanation"].as_str().unwrap().is_empty(), "{l}");
        assert_eq!(l["council"], "socialnamnden");
    }
    assert_eq!(
        line(&before, "goal", "kf6")["verdict"],
        "grey",
        "the nämnd's part of KF-mål 6 groups and is not assessed"
    );

    // October 2025: budget adherence within ± 0,5, two more on target, one short.
    import_sodertalje_october(&app).await;
    let editor = app.context_as("sodertalje", "editor@sodertalje.example").await;
    let after = verdicts(&viewer, &app, "period=2025-10&council=socialnamnden").await;
    assert_eq!(line(&after, "indicator", "budgetfoljsamhet")["verdict"], "green");
    let five = line(&after, "goal", "5");
    assert_eq!(five["verdict"], "green", "{}", five["explanation"]);
    let why = five["explanation"].as_str().unwrap();
    assert!(why.contains("Nämndens budgetföljsamhet"), "{why}");
    assert!(why.contains("3 av 5"), "{why}");
    // The municipality's KF-mål 5 is judged from the nämndmål contributing to it.
    let everything = verdicts(&viewer, &app, "period=2025-10").await;
    let kf5 = (everything.iter())
        .find(|l| l["council"] == "kommunfullmaktige" && l["code"] == "kf5")
        .expect("KF-mål 5");
    assert_eq!(kf5["verdict"], "green", "{}", kf5["explanation"]);
    let why = kf5["explanation"].as_str().unwrap();
    assert!(
        why.contains("Rätt insats till rätt person i rätt tid till rätt kostnad (Socialnämnden)"),
        "{why}"
    );

    // Budget adherence off by more than the band: three others green cannot make it green.
    let csv =
        "indicator,period,value\nbudgetfoljsamhet,2025-10,\"-3,0\"\nomvandlingsgrad-sociala-kontrakt,2025-10,61\n";
    import_for(
        &app.db,
        &editor,
        csv.as_bytes().to_vec(),
        FileFormat::Csv,
        no_progress(),
    )
    .await
    .expect("imported");
    let worse = verdicts(&viewer, &app, "period=2025-10").await;
    assert_eq!(line(&worse, "indicator", "budgetfoljsamhet")["verdict"], "red");
    assert_eq!(
        line(&worse, "indicator", "omvandlingsgrad-sociala-kontrakt")["verdict"],
        "green"
    );
    let five = line(&worse, "goal", "5");
    assert_ne!(five["verdict"], "green", "{}", five["explanation"]);
}

#[tokio::test]
async fn a_bad_period_another_tenant_and_an_unknown_council_are_refused() {
    let app = TestApp::spawn().await;
    let viewer = app.login_as("sodertalje", "viewer@sodertalje.example").await;
    let get = |path: String| viewer.get(app.url(&path)).send();
    let res = get("/api/v1/tenants/sodertalje/assessments?period=2025".into())
        .await
        .unwrap();
    let (code, message) = error_code(res, 422).await;
    assert_eq!(code, "invalid_input");
    assert_eq!(
        message,
        "Period: ”2025” är ingen månad; skriv den ÅÅÅÅ-MM, till exempel 2025-10"
    );
    let res = get("/api/v1/tenants/sodertalje/assessments".into()).await.unwrap();
    assert_eq!(error_code(res, 422).await.0, "invalid_input");
    let res = get("/api/v1/tenants/norrtalje/assessments?period=2026-03".into())
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    let res = get("/api/v1/tenants/sodertalje/assessments?period=2025-10&council=kultur".into())
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    let res = app
        .client()
        .get(app.url("/api/v1/tenants/sodertalje/assessments?period=2025-10"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
}

/// Explanations come in the language of `Accept-Language`: Swedish by default, English
/// when asked, the same verdicts either way.
#[tokio::test]
async fn explanations_follow_accept_language() {
    let app = TestApp::spawn().await;
    let client = app.login_as("sodertalje", "viewer@sodertalje.example").await;
    let url = app.url("/api/v1/tenants/sodertalje/assessments?period=2025-10");
    let fetch = |language: Option<&'static str>| {
        let mut request = client.get(&url);
        if let Some(language) = language {
            request = request.header("accept-language", language);
        }
        async move {
            let res = request.send().await.expect("request");
            assert_eq!(res.status(), 200);
            res.json::<Vec<Value>>().await.expect("json")
        }
    };
    let swedish = fetch(None).await;
    let english = fetch(Some("en-GB,en;q=0.9")).await;
    let also_swedish = fetch(Some("sv-SE,en;q=0.5")).await;
    assert_eq!(swedish, also_swedish);
    assert_eq!(swedish.len(), english.len());
    let goal = |list: &[Value]| {
        (list.iter())
            .find(|v| v["kind"] == "goal" && v["code"] == "5")
            .map(|v| {
                (
                    v["verdict"].clone(),
                    v["explanation"].as_str().unwrap_or_default().to_owned(),
                )
            })
            .expect("nämndmål 5")
    };
    let (sv_verdict, sv_text) = goal(&swedish);
    let (en_verdict, en_text) = goal(&english);
    assert_eq!(sv_verdict, en_verdict);
    assert!(sv_text.starts_with("Regel: minst 3 av 5"), "{sv_text}");
    assert!(en_text.starts_with("Rule: at least 3 of 5"), "{en_text}");
}
