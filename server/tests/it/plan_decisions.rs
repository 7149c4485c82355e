//! Adopting a plan and starting its next draft: the decision and the frozen content are
//! kept, an adopted plan refuses changes, a new draft is a copy that can change without
//! touching what was adopted; stale revisions, bad decisions, roles and tenancy walls.

use crate::common::{TestApp, error_code, error_field};

use app::domain::PlanId;
use app::exchange::validate;
use app::model::{DecisionForm, PlanState};
use app::services::ServiceError;
use app::services::goal_edit;
use app::services::plan_decisions::{adopt, start_draft};
use app::services::tenant_document::export_tenant;
use serde_json::{Value, json};

const PLAN: &str = "Verksamhetsplan 2026–2028";

async fn plan_of(app: &TestApp, tenant: &str, name: &str) -> (PlanId, i32) {
    let admin = app.context_as(tenant, &format!("admin@{tenant}.example")).await;
    let plan = app::services::plans::list_for(&app.db, &admin)
        .await
        .expect("plans")
        .into_iter()
        .find(|p| p.name == name)
        .expect("plan");
    (plan.id, plan.revision)
}

fn decision(date: &str, paragraph: &str) -> DecisionForm {
    DecisionForm {
        date: date.into(),
        body: "Socialnämnden".into(),
        paragraph: paragraph.into(),
    }
}

async fn exported_plan(app: &TestApp) -> app::exchange::document::Plan {
    let doc = export_tenant(&app.db, "norrtalje").await.expect("export");
    assert_eq!(validate::document(&doc), [], "the export stays a valid document");
    doc.plans.into_iter().find(|p| p.name == PLAN).expect("plan")
}

#[tokio::test]
async fn adopting_freezes_the_version_and_a_new_draft_changes_a_copy() {
    let app = TestApp::spawn().await;
    let admin = app.context_as("norrtalje", "admin@norrtalje.example").await;
    let (plan, revision) = plan_of(&app, "norrtalje", PLAN).await;
    let before = exported_plan(&app).await;

    let state = adopt(&app.db, &admin, plan, revision, &decision("2025-11-19", "§ 187"))
        .await
        .expect("adopted");
    assert_eq!(
        state,
        PlanState {
            status: app::domain::PlanStatus::Adopted,
            version: 1,
            revision: revision + 1
        }
    );
    let adopted = exported_plan(&app).await;
    assert_eq!(adopted.adopted.len(), 1);
    let v1 = &adopted.adopted[0];
    assert_eq!((v1.version, v1.decision.paragraph.as_str()), (1, "§ 187"));
    assert_eq!(v1.decision.date.to_string(), "2025-11-19");
    assert_eq!(v1.adopted_by, "admin@norrtalje.example");
    assert_eq!(
        v1.content,
        before.content.clone().frozen(),
        "the adopted content is the draft's"
    );

    // Adopted: no more changes to the goals.
    let goal = goal_edit::load(
        &app.db,
        &app::services::versioned_cache::VersionedCache::new(10),
        &admin,
        plan,
        "1",
    )
    .await
    .expect("goal");
    assert!(!goal.editable);
    let mut form = goal.form.clone();
    form.title = "Ändrad rubrik".into();
    let refused = goal_edit::update(&app.db, &admin, plan, "1", goal.revision, form.clone()).await;
    assert!(matches!(refused, Err(ServiceError::Conflict(_))), "{refused:?}");

    let state = start_draft(&app.db, &admin, plan, state.revision).await.expect("draft");
    assert_eq!((state.status.as_str(), state.version), ("draft", 2));
    goal_edit::update(&app.db, &admin, plan, "1", goal.revision, form)
        .await
        .expect("the new draft can change");
    let after = exported_plan(&app).await;
    assert_eq!(after.version, 2);
    let title_of = |content: &app::exchange::document::PlanContent| {
        content
            .goals
            .iter()
            .find(|g| g.code == "1")
            .expect("goal 1")
            .title
            .clone()
    };
    assert_eq!(title_of(&after.content), "Ändrad rubrik");
    assert_eq!(
        title_of(&after.adopted[0].content),
        title_of(&before.content),
        "version 1 kept as adopted"
    );

    let history = app::db::repo::audit::for_entity(&app.db, admin.scope(), "plan", &plan.to_string())
        .await
        .expect("audit");
    let actions: Vec<&str> = history.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["new-draft", "adopt"], "newest first");
    assert!(history.iter().all(|e| e.actor == "admin@norrtalje.example"));
    let recorded: Value = serde_json::from_str(history[1].new_value.as_deref().expect("value")).expect("json");
    assert_eq!(recorded["paragraph"], "§ 187");
}

#[tokio::test]
async fn a_stale_revision_or_a_bad_decision_changes_nothing() {
    let app = TestApp::spawn().await;
    let admin = app.context_as("norrtalje", "admin@norrtalje.example").await;
    let (plan, revision) = plan_of(&app, "norrtalje", PLAN).await;

    let stale = adopt(&app.db, &admin, plan, revision - 1, &decision("2025-11-19", "§ 1")).await;
    assert!(matches!(stale, Err(ServiceError::Conflict(_))), "{stale:?}");
    for (bad, field) in [
        (decision("2025-19-11", "§ 1"), "date"),
        (decision("2999-01-01", "§ 1"), "date"),
        (decision("2025-11-19", " "), "paragraph"),
    ] {
        match adopt(&app.db, &admin, plan, revision, &bad).await {
            Err(ServiceError::Invalid { field: f, .. }) => assert_eq!(f, field, "{bad:?}"),
            other => panic!("{bad:?}: {other:?}"),
        }
    }
    let draft = start_draft(&app.db, &admin, plan, revision).await;
    assert!(
        matches!(draft, Err(ServiceError::Conflict(_))),
        "a draft is a draft already"
    );
    let unchanged = exported_plan(&app).await;
    assert!(unchanged.adopted.is_empty());
    assert_eq!(
        (unchanged.version, plan_of(&app, "norrtalje", PLAN).await.1),
        (1, revision)
    );
}

#[tokio::test]
async fn only_admins_of_the_tenant_decide() {
    let app = TestApp::spawn().await;
    let (plan, revision) = plan_of(&app, "norrtalje", PLAN).await;
    let editor = app.context_as("norrtalje", "editor@norrtalje.example").await;
    let refused = adopt(&app.db, &editor, plan, revision, &decision("2025-11-19", "§ 1")).await;
    assert!(matches!(refused, Err(ServiceError::Forbidden)), "{refused:?}");
    let other = app.context_as("sodertalje", "admin@sodertalje.example").await;
    let hidden = adopt(&app.db, &other, plan, revision, &decision("2025-11-19", "§ 1")).await;
    assert!(matches!(hidden, Err(ServiceError::NotFound)), "{hidden:?}");
}

#[tokio::test]
async fn the_api_adopts_and_starts_drafts() {
    let app = TestApp::spawn().await;
    let (plan, revision) = plan_of(&app, "norrtalje", PLAN).await;
    let adoptions = app.url(&format!("/api/v1/tenants/norrtalje/plans/{plan}/adoptions"));
    let drafts = app.url(&format!("/api/v1/tenants/norrtalje/plans/{plan}/drafts"));
    let body = json!({ "revision": revision, "date": "2025-11-19", "body": "Socialnämnden", "paragraph": "§ 187" });

    let viewer = app.login_as("norrtalje", "viewer@norrtalje.example").await;
    let res = viewer.post(&adoptions).json(&body).send().await.expect("request");
    assert_eq!(error_code(res, 403).await.0, "forbidden");
    let foreign = app.login_as("sodertalje", "admin@sodertalje.example").await;
    let res = foreign.post(&adoptions).json(&body).send().await.expect("request");
    assert_eq!(error_code(res, 404).await.0, "not_found");

    let admin = app.login_as("norrtalje", "admin@norrtalje.example").await;
    let mut bad = body.clone();
    bad["date"] = json!("19/11/2025");
    let res = admin.post(&adoptions).json(&bad).send().await.expect("request");
    assert_eq!(
        error_field(res, 422).await,
        ("invalid_input".to_owned(), "date".to_owned())
    );

    let res = admin.post(&adoptions).json(&body).send().await.expect("request");
    assert_eq!(res.status(), 201);
    let state: Value = res.json().await.expect("json");
    assert_eq!(
        state,
        json!({ "status": "adopted", "version": 1, "revision": revision + 1 })
    );
    let res = admin.post(&adoptions).json(&body).send().await.expect("request");
    assert_eq!(error_code(res, 409).await.0, "conflict");

    let res = admin
        .post(&drafts)
        .json(&json!({ "revision": revision + 1 }))
        .send()
        .await
        .expect("request");
    assert_eq!(res.status(), 201);
    let state: Value = res.json().await.expect("json");
    assert_eq!(
        state,
        json!({ "status": "draft", "version": 2, "revision": revision + 2 })
    );
    let plan_doc: Value = admin
        .get(app.url(&format!("/api/v1/tenants/norrtalje/plans/{plan}")))
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    assert_eq!(plan_doc["adopted"][0]["decision"]["paragraph"], "§ 187");
    assert_eq!(plan_doc["version"], 2);
}
