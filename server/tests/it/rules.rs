//! How verdicts are reached, edited: a goal's rule (previewed, saved revision-checked and
//! audited, in the tenant document), a level's rule and the municipality's method over the
//! REST API with the tenant document's names, with bad rules refused by field.

use chrono::NaiveDate;
use serde_json::{Value, json};

use crate::common::{TestApp, import_sodertalje_october};

use app::domain::{PlanId, QuotaUnit, RuleKind};
use app::model::{Colour, Message, RuleForm, VerdictKind};
use app::services::ServiceError;
use app::services::goal_edit::rule;
use app::services::tenant_document::export_tenant;
use app::services::versioned_cache::VersionedCache;
use engine::assess::Rule;

async fn sodertalje_plan(app: &TestApp) -> PlanId {
    let admin = app.context_as("sodertalje", "admin@sodertalje.example").await;
    app::services::plans::list_for(&app.db, &admin).await.expect("plans")[0].id
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).expect("date")
}

#[tokio::test]
async fn a_goal_rule_is_previewed_then_saved_with_its_revision_and_history_and_exported() {
    let app = TestApp::spawn().await;
    import_sodertalje_october(&app).await;
    let cache = VersionedCache::new(10);
    let admin = app.context_as("sodertalje", "admin@sodertalje.example").await;
    let plan = sodertalje_plan(&app).await;
    let (stored, revision, editor) = rule::current(&app.db, &cache, &admin, plan, "5").await.expect("rule");
    assert_eq!(
        stored,
        Some(Rule::count_green_including(3, "budgetfoljsamhet")),
        "as 004 states"
    );
    assert_eq!(editor.form.kind, Some(RuleKind::CountGreen));
    assert_eq!(editor.form.mandatory, ["budgetfoljsamhet"]);
    assert_eq!(
        editor.inputs.len(),
        5,
        "nämndmål 5's five indicators: {:?}",
        editor.inputs
    );
    assert!(
        editor.current.contains("budgetföljsamhet") || editor.current.contains("budgetfoljsamhet"),
        "{}",
        editor.current
    );

    // Only a helhetsbedömning: without one the goal turns grey, and the preview says so
    // before anything is saved.
    let manual = RuleForm {
        kind: Some(RuleKind::Manual),
        ..editor.form.clone()
    };
    let preview = rule::preview_form(&app.db, &cache, &admin, plan, "5", &manual, today())
        .await
        .expect("preview");
    assert_eq!(preview.month, "2025-10", "the latest month with values");
    let first = &preview.changes[0];
    assert_eq!(
        (first.kind, first.code.as_str(), first.after),
        (VerdictKind::Goal, "5", Colour::Grey)
    );
    assert_eq!(
        first.before,
        Colour::Green,
        "004's rule: 3 of 5 green, budget adherence among them"
    );
    assert!(
        preview.changes[1..].iter().all(|c| c.before != c.after),
        "only what changes follows: {:?}",
        preview.changes
    );
    let (unchanged, _, _) = rule::current(&app.db, &cache, &admin, plan, "5").await.expect("rule");
    assert_eq!(unchanged, stored, "a preview saves nothing");

    let saved = rule::save_form(&app.db, &cache, &admin, plan, "5", revision, &manual)
        .await
        .expect("save");
    assert_eq!(saved.revision, revision + 1);
    let stale = rule::save_form(&app.db, &cache, &admin, plan, "5", revision, &editor.form).await;
    assert!(
        matches!(stale, Err(ServiceError::Conflict(Message::Stale { .. }))),
        "{stale:?}"
    );

    let doc = export_tenant(&app.db, "sodertalje").await.expect("export");
    let goal = doc.plans[0].content.goals.iter().find(|g| g.code == "5").expect("5");
    assert_eq!(
        goal.rule,
        Some(Rule::Manual),
        "the tenant document carries the new rule"
    );
    let view = app::services::goal_edit::load(&app.db, &cache, &admin, plan, "5")
        .await
        .expect("load");
    let change = &view.history[0].changes[0];
    assert_eq!(change.field, "rule");
    assert!(
        change.old.contains("minst 3") && change.new.contains("helhetsbedömning"),
        "{change:?}"
    );
}

#[tokio::test]
async fn a_rule_naming_what_is_not_the_goals_input_or_with_bad_numbers_changes_nothing() {
    let app = TestApp::spawn().await;
    let cache = VersionedCache::new(10);
    let admin = app.context_as("sodertalje", "admin@sodertalje.example").await;
    let plan = sodertalje_plan(&app).await;
    let (_, revision, editor) = rule::current(&app.db, &cache, &admin, plan, "5").await.expect("rule");
    let foreign = RuleForm {
        mandatory: vec!["sjukfranvaro".into()],
        ..editor.form.clone()
    };
    let too_many = RuleForm {
        green: "120".into(),
        green_unit: QuotaUnit::Share,
        ..editor.form.clone()
    };
    for (form, field) in [(foreign, "rule"), (too_many, "green")] {
        match rule::save_form(&app.db, &cache, &admin, plan, "5", revision, &form).await {
            Err(ServiceError::Invalid { field: got, .. }) => assert_eq!(got, field, "{form:?}"),
            other => panic!("{form:?}: {other:?}"),
        }
    }
    let (stored, now, _) = rule::current(&app.db, &cache, &admin, plan, "5").await.expect("rule");
    assert_eq!(
        (stored, now),
        (Some(Rule::count_green_including(3, "budgetfoljsamhet")), revision)
    );

    let editor_role = app.context_as("sodertalje", "editor@sodertalje.example").await;
    let denied = rule::save_form(&app.db, &cache, &editor_role, plan, "5", revision, &editor.form).await;
    assert!(matches!(denied, Err(ServiceError::Forbidden)), "{denied:?}");
    let other = app.context_as("norrtalje", "admin@norrtalje.example").await;
    let walled = rule::current(&app.db, &cache, &other, plan, "5").await;
    assert!(matches!(walled, Err(ServiceError::NotFound)), "{walled:?}");
}

async fn json_of(res: reqwest::Response, status: u16) -> Value {
    assert_eq!(res.status(), status);
    res.json().await.expect("json")
}

#[tokio::test]
async fn rest_reads_and_writes_rules_and_methods_by_the_documents_names() {
    let app = TestApp::spawn().await;
    let client = app.login_as("sodertalje", "admin@sodertalje.example").await;
    let plan = app.first_plan(&client, "sodertalje").await;
    let goal_rule = app.url(&format!("/api/v1/tenants/sodertalje/plans/{plan}/goals/5/rule"));

    let read = json_of(client.get(&goal_rule).send().await.expect("get"), 200).await;
    assert_eq!(
        read["rule"],
        json!({"kind": "count_green", "green": {"kind": "count", "value": 3}, "mandatory": ["budgetfoljsamhet"]})
    );
    let preview = app.url(&format!("/api/v1/tenants/sodertalje/plans/{plan}/goals/5/rule-preview"));
    let previewed = json_of(
        client
            .post(&preview)
            .json(&json!({"rule": {"kind": "manual"}}))
            .send()
            .await
            .expect("preview"),
        200,
    )
    .await;
    assert_eq!(previewed["changes"][0]["after"], "grey");
    let bad = client
        .put(&goal_rule)
        .json(&json!({"rule": {"kind": "count_green", "green": {"kind": "count", "value": 1}, "mandatory": ["nope"]}, "revision": read["revision"]}))
        .send()
        .await
        .expect("put");
    let body = json_of(bad, 422).await;
    assert_eq!(
        (body["error"]["code"].as_str(), body["error"]["field"].as_str()),
        (Some("invalid_input"), Some("rule"))
    );
    let put = client
        .put(&goal_rule)
        .json(&json!({"rule": {"kind": "count_green", "green": {"kind": "count", "value": 1}}, "revision": read["revision"]}))
        .send()
        .await
        .expect("put");
    let saved = json_of(put, 200).await;
    assert_eq!(saved["revision"], read["revision"].as_i64().expect("revision") + 1);
    let again = client
        .put(&goal_rule)
        .json(&json!({"rule": null, "revision": read["revision"]}))
        .send()
        .await
        .expect("put");
    assert_eq!(again.status(), 409, "a stale revision");

    // A level's rule by its key, and the municipality's method.
    let level_rule = app.url("/api/v1/tenants/sodertalje/levels/namndmal/rule");
    let level = json_of(client.get(&level_rule).send().await.expect("get"), 200).await;
    assert_eq!(
        level["rule"],
        json!({"kind": "count_green", "green": {"kind": "share", "value": "75"}})
    );
    let set = client
        .put(&level_rule)
        .json(&json!({"rule": {"kind": "count_green", "green": {"kind": "share", "value": "50"}, "rest_at_least": "yellow"}, "revision": level["revision"]}))
        .send()
        .await
        .expect("put");
    assert_eq!(set.status(), 200);
    let method_url = app.url("/api/v1/tenants/sodertalje/indicator-method");
    let method = json_of(client.get(&method_url).send().await.expect("get"), 200).await;
    assert_eq!(
        method["method"],
        json!({"kind": "pace", "margin": {"kind": "percent", "value": "5"}})
    );
    let negative = client
        .put(&method_url)
        .json(&json!({"method": {"kind": "threshold", "margin": {"kind": "percent", "value": "-1"}}, "revision": method["revision"]}))
        .send()
        .await
        .expect("put");
    assert_eq!(negative.status(), 422);
    let changed = client
        .put(&method_url)
        .json(&json!({"method": {"kind": "directional", "margin": {"kind": "percent", "value": "0"}}, "revision": method["revision"]}))
        .send()
        .await
        .expect("put");
    assert_eq!(changed.status(), 200);

    let doc = export_tenant(&app.db, "sodertalje").await.expect("export");
    let namndmal = doc.levels.iter().find(|l| l.key == "namndmal").expect("level");
    assert_eq!(
        serde_json::to_value(&namndmal.rule).expect("json"),
        json!({"kind": "count_green", "green": {"kind": "share", "value": "50"}, "rest_at_least": "yellow"})
    );
    assert_eq!(
        serde_json::to_value(doc.tenant.indicator_method).expect("json"),
        json!({"kind": "directional", "margin": {"kind": "percent", "value": "0"}})
    );
    let goal = doc.plans[0].content.goals.iter().find(|g| g.code == "5").expect("5");
    assert_eq!(goal.rule, Some(Rule::count_green(1)));

    let viewer = app.login_as("sodertalje", "viewer@sodertalje.example").await;
    let denied = viewer
        .put(&method_url)
        .json(&json!({"method": null, "revision": 0}))
        .send()
        .await
        .expect("put");
    assert_eq!(denied.status(), 403);
}
