//! Manual verdicts through the REST API and the follow-up page's service: a helhetsbedömning
//! overrides the computed verdict at its period's last month, with its motivation in the
//! explanation; changes are revision-checked and audited; roles and tenants are walled off.

use crate::common::{TestApp, error_code, error_field, json_headers};
use serde_json::{Value, json};

use app::model::{Colour, FollowUpFilter};

async fn plan_id(client: &reqwest::Client, app: &TestApp) -> String {
    let plans: Vec<Value> = (client.get(app.url("/api/v1/tenants/sodertalje/plans")).send().await)
        .expect("plans")
        .json()
        .await
        .expect("json");
    plans[0]["id"].as_str().expect("id").to_owned()
}

async fn goal_line(client: &reqwest::Client, app: &TestApp, period: &str, code: &str) -> Value {
    let lines: Vec<Value> = (client.get(app.url(&format!("/api/v1/tenants/sodertalje/assessments?period={period}"))))
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    (lines.into_iter())
        .find(|l| l["kind"] == "goal" && l["code"] == code)
        .expect("goal")
}

fn verdict(body: Value) -> Value {
    let mut form = json!({ "kind": "goal", "code": "5", "period": "2025-T2", "verdict": "red",
        "motivation": "Tryggheten har inte ökat enligt medborgarundersökningen", "revision": null });
    form.as_object_mut()
        .expect("object")
        .extend(body.as_object().expect("object").clone());
    form
}

#[tokio::test]
async fn a_helhetsbedomning_overrides_at_its_period_and_is_revision_checked() {
    let app = TestApp::spawn().await;
    let editor = app.login_as("sodertalje", "editor@sodertalje.example").await;
    let plan = plan_id(&editor, &app).await;
    let url = app.url(&format!("/api/v1/tenants/sodertalje/plans/{plan}/manual-verdicts"));
    let put = |body: Value| editor.put(&url).headers(json_headers()).json(&body).send();

    assert_eq!(goal_line(&editor, &app, "2025-08", "5").await["verdict"], "grey");
    let res = put(verdict(json!({}))).await.expect("put");
    assert_eq!(res.status(), 200);
    assert_eq!(res.json::<Value>().await.expect("json")["revision"], 1);

    let august = goal_line(&editor, &app, "2025-08", "5").await;
    assert_eq!(august["verdict"], "red", "tertial 2 ends in August");
    let why = august["explanation"].as_str().expect("text");
    assert!(why.contains("medborgarundersökningen"), "{why}");
    assert_eq!(goal_line(&editor, &app, "2025-07", "5").await["verdict"], "grey");

    // A second new verdict for the same period, and a stale change, are conflicts.
    let res = put(verdict(json!({ "verdict": "green" }))).await.expect("put");
    assert_eq!(error_code(res, 409).await.0, "conflict");
    let res = put(verdict(json!({ "verdict": "green", "revision": 1 })))
        .await
        .expect("put");
    assert_eq!(res.json::<Value>().await.expect("json")["revision"], 2);
    let res = put(verdict(json!({ "verdict": "yellow", "revision": 1 })))
        .await
        .expect("put");
    assert_eq!(error_code(res, 409).await.0, "conflict");
    assert_eq!(goal_line(&editor, &app, "2025-08", "5").await["verdict"], "green");

    // Bad input changes nothing.
    let res = put(verdict(json!({ "motivation": "  ", "revision": 2 })))
        .await
        .expect("put");
    assert_eq!(
        error_field(res, 422).await,
        ("invalid_input".into(), "motivation".into())
    );
    let res = put(verdict(json!({ "period": "2031", "revision": 2 })))
        .await
        .expect("put");
    assert_eq!(
        error_code(res, 422).await.1,
        "Period: 2031 ligger utanför åren 2025–2025"
    );
    let res = put(verdict(json!({ "code": "no-such-goal" }))).await.expect("put");
    assert_eq!(res.status(), 404);

    let scope = app.context_as("sodertalje", "editor@sodertalje.example").await.scope();
    let log = app::db::repo::audit::recent(&app.db, scope, 10).await.expect("audit");
    let log: Vec<_> = log.into_iter().filter(|e| e.entity_type == "manual_verdict").collect();
    assert_eq!(log.len(), 2, "a refused change is not logged");
    assert_eq!(log[0].action, "change");
    assert!(log[0].old_value.as_deref().is_some_and(|v| v.contains("\"red\"")));
    assert_eq!(log[1].action, "give");

    let withdraw = |revision: i32| {
        editor
            .delete(format!("{url}?kind=goal&code=5&period=2025-T2&revision={revision}"))
            .send()
    };
    assert_eq!(error_code(withdraw(1).await.expect("delete"), 409).await.0, "conflict");
    assert_eq!(withdraw(2).await.expect("delete").status(), 204);
    assert_eq!(goal_line(&editor, &app, "2025-08", "5").await["verdict"], "grey");
}

#[tokio::test]
async fn viewers_and_other_tenants_cannot_give_verdicts() {
    let app = TestApp::spawn().await;
    let editor = app.login_as("sodertalje", "editor@sodertalje.example").await;
    let plan = plan_id(&editor, &app).await;
    let path = format!("plans/{plan}/manual-verdicts");

    let viewer = app.login_as("sodertalje", "viewer@sodertalje.example").await;
    let res = (viewer.put(app.url(&format!("/api/v1/tenants/sodertalje/{path}"))))
        .headers(json_headers())
        .json(&verdict(json!({})))
        .send()
        .await
        .expect("put");
    assert_eq!(res.status(), 403);

    let stranger = app.login_as("norrtalje", "editor@norrtalje.example").await;
    for tenant in ["sodertalje", "norrtalje"] {
        let res = (stranger.put(app.url(&format!("/api/v1/tenants/{tenant}/{path}"))))
            .headers(json_headers())
            .json(&verdict(json!({})))
            .send()
            .await
            .expect("put");
        assert_eq!(res.status(), 404, "{tenant}: another tenant's plan is not found");
    }
    assert_eq!(goal_line(&editor, &app, "2025-08", "5").await["verdict"], "grey");
}

/// The tenant a REST path names is the one acted in: a platform admin signed in through
/// Norrtälje gives a verdict in Södertälje's plan (the service once used the session's own
/// tenant and answered 404), and it shows in Södertälje's assessments.
#[tokio::test]
async fn a_platform_admin_acts_in_the_tenant_the_path_names() {
    let app = TestApp::spawn().await;
    let editor = app.login_as("sodertalje", "editor@sodertalje.example").await;
    let plan = plan_id(&editor, &app).await;
    let platform = app.login_as("norrtalje", "platform@malbild.example").await;
    let res = (platform.put(app.url(&format!("/api/v1/tenants/sodertalje/plans/{plan}/manual-verdicts"))))
        .headers(json_headers())
        .json(&verdict(json!({})))
        .send()
        .await
        .expect("put");
    assert_eq!(res.status(), 200);
    assert_eq!(goal_line(&editor, &app, "2025-08", "5").await["verdict"], "red");
}

#[tokio::test]
async fn the_follow_up_counts_levels_filters_and_flags_what_a_verdict_changes() {
    let app = TestApp::spawn().await;
    let editor = app.context_as("sodertalje", "editor@sodertalje.example").await;
    let client = app.login_as("sodertalje", "editor@sodertalje.example").await;
    let plan: app::domain::PlanId = plan_id(&client, &app).await.parse().expect("uuid");
    let cache = app::services::versioned_cache::VersionedCache::new(100);
    let today = chrono::NaiveDate::from_ymd_opt(2025, 11, 25).expect("date");
    let at = |month: &str, colour: Option<Colour>| FollowUpFilter {
        month: Some(month.to_owned()),
        department: None,
        colour,
    };
    let view = app::services::follow_up::view(&app.db, &cache, &editor, plan, &at("2025-08", None), today)
        .await
        .expect("view");
    assert_eq!(
        (view.month.as_str(), view.previous_month.as_str()),
        ("2025-08", "2025-07")
    );
    assert!(view.can_judge);
    let counted: u32 = view.levels.iter().map(|l| l.now.grey).sum();
    let assessed = view.goals.iter().filter(|g| g.assessed).count();
    assert_eq!(counted as usize, assessed, "no outcomes yet: every assessed goal grey");
    assert!(
        assessed < view.goals.len(),
        "the nämnd's parts of KF-mål group and are not counted"
    );
    assert!(
        view.defaults[0].1.starts_with("takt mot årsmålet"),
        "{:?}",
        view.defaults
    );

    let form = app::model::ManualVerdictForm {
        kind: app::model::VerdictKind::Goal,
        code: "5".into(),
        period: "2025-08".into(),
        verdict: Colour::Red,
        motivation: "Helhetsbedömning".into(),
        revision: None,
    };
    app::services::assessment::manual::give(&app.db, &editor, plan, &form)
        .await
        .expect("given");
    let red = app::services::follow_up::view(&app.db, &cache, &editor, plan, &at("2025-08", Some(Colour::Red)), today)
        .await
        .expect("view");
    let codes: Vec<&str> = red.goals.iter().map(|g| g.code.as_str()).collect();
    assert!(codes.contains(&"5"), "{codes:?}");
    let kf6 = red.goals.iter().find(|g| g.code == "5").expect("5");
    assert_eq!((kf6.verdict, kf6.previous), (Colour::Red, Colour::Grey));
    assert_eq!(kf6.manual.as_ref().map(|m| m.revision), Some(1));
    let kf_level = red
        .levels
        .iter()
        .find(|l| l.now.red == 1)
        .expect("a level counts the red goal");
    assert_eq!(kf_level.before.red, 0, "July had none");

    let viewer = app.context_as("sodertalje", "viewer@sodertalje.example").await;
    let seen = app::services::follow_up::view(&app.db, &cache, &viewer, plan, &at("2025-08", None), today)
        .await
        .expect("view");
    assert!(!seen.can_judge);
    let bad = app::services::follow_up::view(&app.db, &cache, &viewer, plan, &at("augusti", None), today).await;
    assert!(matches!(
        bad,
        Err(app::services::ServiceError::Invalid { field: "period", .. })
    ));
    let norrtalje = app.context_as("norrtalje", "viewer@norrtalje.example").await;
    let other = app::services::follow_up::view(&app.db, &cache, &norrtalje, plan, &at("2025-08", None), today).await;
    assert!(matches!(other, Err(app::services::ServiceError::NotFound)));
}

#[tokio::test]
async fn manual_verdicts_travel_with_the_tenant_document() {
    let app = TestApp::spawn().await;
    let editor = app.context_as("sodertalje", "editor@sodertalje.example").await;
    let client = app.login_as("sodertalje", "editor@sodertalje.example").await;
    let plan: app::domain::PlanId = plan_id(&client, &app).await.parse().expect("uuid");
    for (kind, code, period) in [
        (app::model::VerdictKind::Goal, "5", "2025-T2"),
        (app::model::VerdictKind::Indicator, "budgetfoljsamhet", "2025-10"),
    ] {
        let form = app::model::ManualVerdictForm {
            kind,
            code: code.into(),
            period: period.into(),
            verdict: Colour::Yellow,
            motivation: format!("Bedömning av {code}"),
            revision: None,
        };
        app::services::assessment::manual::give(&app.db, &editor, plan, &form)
            .await
            .expect("given");
    }
    let first = app::services::tenant_document::export_tenant(&app.db, "sodertalje")
        .await
        .expect("export");
    let given = &first.plans[0].manual_verdicts;
    assert_eq!(given.len(), 2);
    assert_eq!(
        given[0].indicator.as_deref(),
        Some("budgetfoljsamhet"),
        "ordered by subject"
    );
    assert_eq!(
        (given[1].goal.as_deref(), given[1].period.to_string().as_str()),
        (Some("5"), "2025-T2")
    );

    app::services::tenant_document::import_document(&app.db, first.clone(), Some("sodertalje-kopia"), "test")
        .await
        .expect("import");
    let mut second = app::services::tenant_document::export_tenant(&app.db, "sodertalje-kopia")
        .await
        .expect("export copy");
    second.tenant.slug = "sodertalje".into();
    assert_eq!(second.plans[0].manual_verdicts, first.plans[0].manual_verdicts);

    let mut bad = first;
    bad.plans[0].manual_verdicts[1].goal = Some("99".into());
    let err = app::services::tenant_document::import_document(&app.db, bad, Some("ny-kommun"), "test")
        .await
        .expect_err("invalid");
    assert!(err.to_string().contains("\"99\" is not a goal of the plan"), "{err}");
}

/// A goal that only groups others (the nämnd's part of a KF-mål) has no verdict to override.
#[tokio::test]
async fn a_grouping_goal_takes_no_verdict() {
    let app = TestApp::spawn().await;
    let editor = app.login_as("sodertalje", "editor@sodertalje.example").await;
    let plan = plan_id(&editor, &app).await;
    let res = (editor.put(app.url(&format!("/api/v1/tenants/sodertalje/plans/{plan}/manual-verdicts"))))
        .headers(json_headers())
        .json(&verdict(json!({ "code": "kf6" })))
        .send()
        .await
        .expect("put");
    let (code, field) = error_field(res, 422).await;
    assert_eq!((code.as_str(), field.as_str()), ("invalid_input", "code"));
    assert_eq!(goal_line(&editor, &app, "2025-08", "kf6").await["verdict"], "grey");
}
