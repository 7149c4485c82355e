//! Uppdrag and nämndinitiativ: editors report status, forecast and dated comments (kept,
//! newest first, also on adopted plans); admins add, change and delete items of a draft
//! with checked fields; stale saves, roles and tenancy walls. The export stays valid.

use crate::common::TestApp;

use app::db::repo::rows;
use app::domain::{AssignmentForecast, AssignmentKind, AssignmentStatus};
use app::domain::{AssignmentId, PlanId};
use app::exchange::validate;
use app::model::{AssignmentForm, DecisionForm, FollowUp, NewComment};
use app::services::ServiceError;
use app::services::assignment_edit::{blank, create, delete, load, report, update};
use app::services::context::TenantContext;
use app::services::tenant_document::export_tenant;

const PLAN_2024: &str = "Verksamhetsplan 2024";
const PLAN_2026: &str = "Verksamhetsplan 2026–2028";
const SHELTER: &str = "Etablera ett akutboende i egen regi.";

async fn plan_id(app: &TestApp, auth: &TenantContext, name: &str) -> PlanId {
    app::services::plans::list_for(&app.db, auth)
        .await
        .expect("plans")
        .into_iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("no plan {name}"))
        .id
}

async fn item_id(app: &TestApp, auth: &TenantContext, plan: PlanId, title: &str) -> AssignmentId {
    let id = rows::assignments_of_plan(&app.db, auth.scope(), plan)
        .await
        .expect("items")
        .into_iter()
        .find(|a| a.title == title)
        .unwrap_or_else(|| panic!("no item {title}"))
        .id;
    AssignmentId::from_uuid(id)
}

async fn exported(app: &TestApp, plan: &str) -> Vec<app::exchange::document::Assignment> {
    let doc = export_tenant(&app.db, "norrtalje").await.expect("export");
    assert_eq!(validate::document(&doc), [], "the export stays a valid document");
    doc.plans
        .into_iter()
        .find(|p| p.name == plan)
        .expect("plan")
        .content
        .assignments
}

fn follow_up(status: AssignmentStatus, forecast: AssignmentForecast, comment: Option<(&str, &str)>) -> FollowUp {
    FollowUp {
        status: Some(status),
        forecast: Some(forecast),
        comment: comment.map(|(date, text)| NewComment {
            date: date.into(),
            text: text.into(),
        }),
    }
}

#[tokio::test]
async fn follow_up_keeps_every_dated_comment_also_on_an_adopted_plan() {
    let app = TestApp::spawn().await;
    let editor = app.context_as("norrtalje", "editor@norrtalje.example").await;
    let plan = plan_id(&app, &editor, PLAN_2024).await;
    let id = item_id(&app, &editor, plan, SHELTER).await;
    let page = load(&app.db, &editor, plan, id).await.expect("page");
    assert!(
        page.can_follow_up && !page.can_define,
        "editors follow up, admins define"
    );
    assert_eq!(page.follow_up.status, Some(AssignmentStatus::Slutford));
    assert_eq!(page.comments.len(), 1);
    assert_eq!(page.comments[0].date, "2024-07-31");

    // Adopted or not, the follow-up goes on.
    let admin = app.context_as("norrtalje", "admin@norrtalje.example").await;
    let revision = app::services::plans::list_for(&app.db, &admin)
        .await
        .expect("plans")
        .into_iter()
        .find(|p| p.id == plan)
        .expect("plan")
        .revision;
    let decision = DecisionForm {
        date: "2023-12-13".into(),
        body: "Socialnämnden".into(),
        paragraph: "§ 210".into(),
    };
    app::services::plan_decisions::adopt(&app.db, &admin, plan, revision, &decision)
        .await
        .expect("adopted");

    let next = report(
        &app.db,
        &editor,
        plan,
        id,
        page.revision,
        &follow_up(
            AssignmentStatus::Slutford,
            AssignmentForecast::EnligtPlan,
            Some(("2024-08-31", "Slutrapporterat i nämnden.")),
        ),
    )
    .await
    .expect("reported");
    assert_eq!(next, page.revision + 1);
    let stale = report(
        &app.db,
        &editor,
        plan,
        id,
        page.revision,
        &follow_up(
            AssignmentStatus::Paborjad,
            AssignmentForecast::Avvikelse,
            Some(("2024-09-01", "Borde inte sparas.")),
        ),
    )
    .await;
    assert!(matches!(stale, Err(ServiceError::Conflict(_))), "{stale:?}");

    let page = load(&app.db, &editor, plan, id).await.expect("page");
    let comments: Vec<(&str, &str)> = page
        .comments
        .iter()
        .map(|c| (c.date.as_str(), c.text.as_str()))
        .collect();
    assert_eq!(
        comments,
        [
            ("2024-08-31", "Slutrapporterat i nämnden."),
            ("2024-07-31", "Uppdraget har genomförts och är slutrapporterat.")
        ],
        "newest first, the stale report's comment not saved"
    );
    assert_eq!(page.comments[0].author.as_deref(), Some(editor.me().name.as_str()));
    assert_eq!(page.history[0].action, "follow-up");
    assert!(
        page.history[0]
            .changes
            .iter()
            .any(|c| c.field == "comment" && c.new.contains("Slutrapporterat"))
    );

    let item = exported(&app, PLAN_2024)
        .await
        .into_iter()
        .find(|a| a.title == SHELTER)
        .expect("item");
    assert_eq!(item.comments.len(), 2);

    // The definition is frozen with the plan.
    let refused = update(&app.db, &admin, plan, id, next, &page.form).await;
    assert!(matches!(refused, Err(ServiceError::Conflict(_))), "{refused:?}");
}

#[tokio::test]
async fn admins_add_change_and_delete_items_with_checked_fields() {
    let app = TestApp::spawn().await;
    let admin = app.context_as("norrtalje", "admin@norrtalje.example").await;
    let plan = plan_id(&app, &admin, PLAN_2026).await;
    let before = exported(&app, PLAN_2026).await.len();

    let form = blank(&app.db, &admin, plan, Some("4.1")).await.expect("blank");
    assert_eq!(
        (form.form.kind, form.form.goal.as_str()),
        (AssignmentKind::Uppdrag, "4.1")
    );
    assert!(
        form.goals.iter().all(|g| g.code.contains('.')),
        "only inriktningsmål carry uppdrag"
    );
    assert!(form.departments.contains(&"Barn och unga".to_owned()));

    let good = AssignmentForm {
        kind: AssignmentKind::Initiativ,
        title: "Kartlägga behovet av familjehem i kommunen.".into(),
        goal: "4.1".into(),
        department: "Barn och unga".into(),
        is_new: Some(true),
        end_date: "2026-12-31".into(),
        decision_body: "Socialnämnden".into(),
    };
    for (bad, field) in [
        (
            AssignmentForm {
                title: " ".into(),
                ..good.clone()
            },
            "title",
        ),
        (
            AssignmentForm {
                goal: "4".into(),
                ..good.clone()
            },
            "goal",
        ),
        (
            AssignmentForm {
                goal: "99.9".into(),
                ..good.clone()
            },
            "goal",
        ),
        (
            AssignmentForm {
                department: "Ekonomi".into(),
                ..good.clone()
            },
            "department",
        ),
        (
            AssignmentForm {
                end_date: "2026-31-12".into(),
                ..good.clone()
            },
            "end_date",
        ),
    ] {
        match create(&app.db, &admin, plan, &bad).await {
            Err(ServiceError::Invalid { field: f, .. }) => assert_eq!(f, field, "{bad:?}"),
            other => panic!("{bad:?}: {other:?}"),
        }
    }
    assert_eq!(exported(&app, PLAN_2026).await.len(), before, "nothing written");

    let id = create(&app.db, &admin, plan, &good).await.expect("created");
    let items = exported(&app, PLAN_2026).await;
    let added = items.last().expect("last");
    assert_eq!(added.title, good.title);
    assert_eq!(
        (added.goal.as_deref(), added.department.as_deref()),
        (Some("4.1"), Some("Barn och unga"))
    );
    assert_eq!(added.end_date.map(|d| d.to_string()).as_deref(), Some("2026-12-31"));

    let page = load(&app.db, &admin, plan, id).await.expect("page");
    assert_eq!(page.form, good);
    let changed = AssignmentForm {
        title: "Kartlägga och öka antalet familjehem.".into(),
        department: String::new(),
        ..good.clone()
    };
    let next = update(&app.db, &admin, plan, id, page.revision, &changed)
        .await
        .expect("saved");
    let stale = update(&app.db, &admin, plan, id, page.revision, &good).await;
    assert!(matches!(stale, Err(ServiceError::Conflict(_))), "{stale:?}");
    let page = load(&app.db, &admin, plan, id).await.expect("page");
    assert_eq!(
        (page.form.title.as_str(), page.form.department.as_str()),
        (changed.title.as_str(), "")
    );
    let change = &page.history[0].changes;
    assert!(
        change.iter().any(|c| c.field == "title" && c.old == good.title),
        "{change:?}"
    );

    report(
        &app.db,
        &admin,
        plan,
        id,
        next,
        &follow_up(
            AssignmentStatus::Paborjad,
            AssignmentForecast::EnligtPlan,
            Some(("2026-01-15", "Start.")),
        ),
    )
    .await
    .expect("reported");
    let stale = delete(&app.db, &admin, plan, id, next).await;
    assert!(matches!(stale, Err(ServiceError::Conflict(_))), "{stale:?}");
    assert_eq!(
        load(&app.db, &admin, plan, id).await.expect("kept").comments.len(),
        1,
        "rolled back"
    );
    delete(&app.db, &admin, plan, id, next + 1).await.expect("deleted");
    assert_eq!(exported(&app, PLAN_2026).await.len(), before);
    assert!(matches!(
        load(&app.db, &admin, plan, id).await,
        Err(ServiceError::NotFound)
    ));
}

#[tokio::test]
async fn roles_and_tenants_are_walled_off() {
    let app = TestApp::spawn().await;
    let admin = app.context_as("norrtalje", "admin@norrtalje.example").await;
    let plan = plan_id(&app, &admin, PLAN_2024).await;
    let id = item_id(&app, &admin, plan, SHELTER).await;

    let viewer = app.context_as("norrtalje", "viewer@norrtalje.example").await;
    assert!(matches!(
        load(&app.db, &viewer, plan, id).await,
        Err(ServiceError::Forbidden)
    ));
    let reported = report(
        &app.db,
        &viewer,
        plan,
        id,
        1,
        &follow_up(AssignmentStatus::Paborjad, AssignmentForecast::Avvikelse, None),
    )
    .await;
    assert!(matches!(reported, Err(ServiceError::Forbidden)), "{reported:?}");
    let editor = app.context_as("norrtalje", "editor@norrtalje.example").await;
    let form = load(&app.db, &editor, plan, id).await.expect("page").form;
    let defined = update(&app.db, &editor, plan, id, 1, &form).await;
    assert!(matches!(defined, Err(ServiceError::Forbidden)), "{defined:?}");

    let other = app.context_as("sodertalje", "admin@sodertalje.example").await;
    assert!(matches!(
        load(&app.db, &other, plan, id).await,
        Err(ServiceError::NotFound)
    ));
    let deleted = delete(&app.db, &other, plan, id, 1).await;
    assert!(matches!(deleted, Err(ServiceError::NotFound)), "{deleted:?}");
    let other_plan = app::services::plans::list_for(&app.db, &other).await.expect("plans")[0].id;
    let mismatched = load(&app.db, &admin, other_plan, id).await;
    assert!(matches!(mismatched, Err(ServiceError::NotFound)), "{mismatched:?}");
}

#[tokio::test]
async fn the_plan_lists_items_without_a_goal_on_their_own_and_links_each_item() {
    let app = TestApp::spawn().await;
    let admin = app.context_as("norrtalje", "admin@norrtalje.example").await;
    let plan = plan_id(&app, &admin, PLAN_2024).await;
    let cache = app::services::versioned_cache::VersionedCache::new(100);
    let view = app::services::plans::view(&app.db, &cache, &admin, plan)
        .await
        .expect("view");
    let under_goals: usize = view.goals.iter().map(|g| g.assignments.len()).sum();
    assert_eq!(
        (under_goals, view.other_assignments.len()),
        (11, 0),
        "003's 11 items each have a goal"
    );
    let shelter = view
        .goals
        .iter()
        .flat_map(|g| &g.assignments)
        .find(|a| a.title == SHELTER)
        .expect("item");
    assert_eq!(shelter.id, Some(item_id(&app, &admin, plan, SHELTER).await));
    assert!(view.goals.iter().all(|g| g.carries_assignments == g.code.contains('.')));

    let loose = AssignmentForm {
        kind: AssignmentKind::Uppdrag,
        title: "Redovisa arbetet med heltidsresan.".into(),
        ..AssignmentForm::default()
    };
    let id = create(&app.db, &admin, plan, &loose).await.expect("created");
    let view = app::services::plans::view(&app.db, &cache, &admin, plan)
        .await
        .expect("view");
    let others: Vec<(Option<AssignmentId>, &str)> = view
        .other_assignments
        .iter()
        .map(|a| (a.id, a.title.as_str()))
        .collect();
    assert_eq!(others, [(Some(id), loose.title.as_str())]);
}
