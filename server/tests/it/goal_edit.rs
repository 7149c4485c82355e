//! Editing a plan's goal tree: adding, editing, moving and deleting goals, with optimistic
//! locking, checks against the tenant's levels, the audit trail as history, and roles and
//! tenancy walls. Each edit keeps the tenant's export a valid document.

use crate::common::{TestApp, english};

use app::domain::PlanId;
use app::exchange::document::TenantDocument;
use app::exchange::validate;
use app::model::{GoalForm, SectionInput};
use app::services::ServiceError;
use app::services::goal_edit::{blank, create, delete, move_to, update};

/// The goal editor, with a cache of its own.
async fn load(
    db: &sea_orm::DatabaseConnection,
    ctx: &app::services::context::TenantContext,
    plan: PlanId,
    code: &str,
) -> Result<app::model::GoalEditView, ServiceError> {
    let cache = app::services::versioned_cache::VersionedCache::new(10);
    app::services::goal_edit::load(db, &cache, ctx, plan, code).await
}
use app::services::tenant_document::export_tenant;

const PLAN: &str = "Verksamhetsplan 2026–2028";

async fn plan_id(app: &TestApp) -> PlanId {
    let admin = app.context_as("norrtalje", "admin@norrtalje.example").await;
    app::services::plans::list_for(&app.db, &admin)
        .await
        .expect("plans")
        .into_iter()
        .find(|p| p.name == PLAN)
        .expect("plan")
        .id
}

/// The plan's goals in the export's (tree) order, as (code, parent, number).
async fn tree(app: &TestApp) -> (Vec<(String, Option<String>, String)>, TenantDocument) {
    let doc = export_tenant(&app.db, "norrtalje").await.expect("export");
    assert_eq!(validate::document(&doc), [], "the export stays a valid document");
    let goals = doc
        .plans
        .iter()
        .find(|p| p.name == PLAN)
        .expect("plan")
        .content
        .goals
        .iter()
        .map(|g| (g.code.clone(), g.parent.clone(), g.number.clone()))
        .collect();
    (goals, doc)
}

fn children(goals: &[(String, Option<String>, String)], parent: &str) -> Vec<String> {
    goals
        .iter()
        .filter(|g| g.1.as_deref() == Some(parent))
        .map(|g| g.0.clone())
        .collect()
}

#[tokio::test]
async fn a_new_goal_gets_its_levels_sections_and_the_next_number() {
    let app = TestApp::spawn().await;
    let admin = app.context_as("norrtalje", "admin@norrtalje.example").await;
    let plan = plan_id(&app).await;
    let (before, _) = tree(&app).await;
    let under_two = children(&before, "2").len();

    let form = blank(&app.db, &admin, plan, Some("2"), None).await.expect("blank");
    assert_eq!(form.level, "Inriktningsmål");
    assert_eq!(form.form.number, format!("2.{}", under_two + 1));
    let titles: Vec<&str> = form.form.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["Beskrivning", "Nämndens arbete inom inriktningsmålet"]);
    let top = blank(&app.db, &admin, plan, None, None).await.expect("blank top");
    assert_eq!((top.level.as_str(), top.form.number.as_str()), ("Målområde", "8"));

    let mut new = form.form.clone();
    new.title = "Trygg och säker digital välfärd".into();
    new.sections[0].text = "Digitala tjänster ska vara tillgängliga för alla.".into();
    let code = create(&app.db, &admin, plan, Some("2"), new).await.expect("created");
    assert_eq!(code, format!("2.{}", under_two + 1));

    let (after, doc) = tree(&app).await;
    assert_eq!(children(&after, "2").last(), Some(&code), "added last under 2");
    let goal = doc
        .plans
        .iter()
        .filter(|p| p.name == PLAN)
        .flat_map(|p| &p.content.goals)
        .find(|g| g.code == code)
        .expect("goal");
    assert_eq!(goal.level, "inriktningsmal");
    assert_eq!(goal.sections.len(), 1, "empty sections are not stored");

    let view = load(&app.db, &admin, plan, &code).await.expect("load");
    let entry = &view.history[0];
    assert_eq!(
        (entry.action.as_str(), entry.actor.as_str()),
        ("create", "admin@norrtalje.example")
    );
    assert!(
        entry
            .changes
            .iter()
            .any(|c| c.field == "title" && c.new == "Trygg och säker digital välfärd")
    );
}

#[tokio::test]
async fn a_stale_save_is_a_conflict_and_the_history_shows_each_change() {
    let app = TestApp::spawn().await;
    let admin = app.context_as("norrtalje", "admin@norrtalje.example").await;
    let plan = plan_id(&app).await;
    let opened = load(&app.db, &admin, plan, "1.1").await.expect("load");
    assert_eq!(opened.form.title, "En ekonomi i balans");

    let mut first = opened.form.clone();
    first.title = "En ekonomi i balans över tid".into();
    let revision = update(&app.db, &admin, plan, "1.1", opened.revision, first)
        .await
        .expect("first save");
    assert_eq!(revision, opened.revision + 1);

    let mut second = opened.form.clone();
    second.number = "1.9".into();
    let err = update(&app.db, &admin, plan, "1.1", opened.revision, second)
        .await
        .expect_err("stale");
    assert!(
        matches!(&err, ServiceError::Conflict(m) if english(m).contains("1.1")),
        "{err}"
    );

    let now = load(&app.db, &admin, plan, "1.1").await.expect("load");
    assert_eq!(
        (now.form.number.as_str(), now.form.title.as_str()),
        ("1.1", "En ekonomi i balans över tid")
    );
    let change = &now.history[0].changes;
    assert_eq!(change.len(), 1, "only the title changed: {change:?}");
    assert_eq!(
        (change[0].old.as_str(), change[0].new.as_str()),
        ("En ekonomi i balans", "En ekonomi i balans över tid")
    );
}

#[tokio::test]
async fn goals_move_between_parents_and_among_siblings_within_their_level() {
    let app = TestApp::spawn().await;
    let admin = app.context_as("norrtalje", "admin@norrtalje.example").await;
    let plan = plan_id(&app).await;
    let (before, _) = tree(&app).await;
    let under_one = children(&before, "1");
    let under_two = children(&before, "2");
    assert!(under_one.len() >= 2, "{under_one:?}");

    // Down one place among its siblings.
    let first = load(&app.db, &admin, plan, &under_one[0]).await.expect("load");
    let place = move_to(&app.db, &admin, plan, &under_one[0], first.revision, Some("1"), 1)
        .await
        .expect("moved down");
    assert_eq!((place.position, place.siblings), (1, under_one.len()));
    let (after, _) = tree(&app).await;
    let mut expected = under_one.clone();
    expected.swap(0, 1);
    assert_eq!(children(&after, "1"), expected);

    // To the top of another målområde: the old parent closes the gap.
    let moving = load(&app.db, &admin, plan, &under_one[1]).await.expect("load");
    move_to(&app.db, &admin, plan, &under_one[1], moving.revision, Some("2"), 0)
        .await
        .expect("moved across");
    let (after, _) = tree(&app).await;
    assert_eq!(children(&after, "2")[0], under_one[1]);
    assert_eq!(children(&after, "2").len(), under_two.len() + 1);
    assert_eq!(children(&after, "1").len(), under_one.len() - 1);
    let history = load(&app.db, &admin, plan, &under_one[1]).await.expect("load").history;
    assert_eq!(history[0].action, "move");

    // An inriktningsmål cannot sit under another inriktningsmål (a level not above its own);
    // at the plan's top it may, as a plan's top goals may be on any level.
    let now = load(&app.db, &admin, plan, &under_one[1]).await.expect("load");
    let err = move_to(
        &app.db,
        &admin,
        plan,
        &under_one[1],
        now.revision,
        Some(&under_two[0]),
        0,
    )
    .await
    .expect_err("wrong level");
    assert!(matches!(&err, ServiceError::Invalid { field: "parent", .. }), "{err}");
    assert!(
        now.parent_options
            .iter()
            .all(|o| o.code.as_deref() != Some(under_two[0].as_str()))
    );
    assert_eq!(now.parent_options[0].code, None, "the top is offered");
    move_to(&app.db, &admin, plan, &under_one[1], now.revision, None, 0)
        .await
        .expect("to the top");
    let (top, _) = tree(&app).await;
    assert_eq!(top[0].0, under_one[1], "first at the top");
    assert_eq!(top[0].1, None);
}

#[tokio::test]
async fn only_goals_nothing_hangs_on_can_be_deleted() {
    let app = TestApp::spawn().await;
    let admin = app.context_as("norrtalje", "admin@norrtalje.example").await;
    let plan = plan_id(&app).await;

    let with_indicators = load(&app.db, &admin, plan, "1.1").await.expect("load");
    assert!(with_indicators.attached.indicators > 0);
    let err = delete(&app.db, &admin, plan, "1.1", with_indicators.revision)
        .await
        .expect_err("has indicators");
    assert!(
        matches!(&err, ServiceError::Conflict(m) if english(m).contains("indicators")),
        "{err}"
    );
    let with_children = load(&app.db, &admin, plan, "1").await.expect("load");
    assert!(with_children.attached.sub_goals >= 2);
    assert!(
        delete(&app.db, &admin, plan, "1", with_children.revision)
            .await
            .is_err()
    );

    let mut form = blank(&app.db, &admin, plan, Some("1"), None).await.expect("blank").form;
    form.title = "Tillfälligt".into();
    let code = create(&app.db, &admin, plan, Some("1"), form).await.expect("created");
    let fresh = load(&app.db, &admin, plan, &code).await.expect("load");
    assert!(fresh.attached.is_empty());
    assert!(
        matches!(
            delete(&app.db, &admin, plan, &code, fresh.revision - 1).await,
            Err(ServiceError::Conflict(_))
        ),
        "stale revision"
    );
    delete(&app.db, &admin, plan, &code, fresh.revision)
        .await
        .expect("deleted");
    assert!(matches!(
        load(&app.db, &admin, plan, &code).await,
        Err(ServiceError::NotFound)
    ));
    let last = app::db::repo::audit::recent(&app.db, admin.scope(), 1)
        .await
        .expect("log");
    assert_eq!(
        (last[0].action.as_str(), last[0].entity_type.as_str()),
        ("delete", "goal")
    );
    assert!(last[0].old_value.as_deref().is_some_and(|v| v.contains("Tillfälligt")));
}

#[tokio::test]
async fn forms_are_checked_against_the_level() {
    let app = TestApp::spawn().await;
    let admin = app.context_as("norrtalje", "admin@norrtalje.example").await;
    let plan = plan_id(&app).await;
    let blank_form = |title: &str, section: &str| GoalForm {
        level: String::new(),
        number: "1.9".into(),
        title: title.into(),
        sections: vec![SectionInput {
            title: section.into(),
            text: "x".into(),
        }],
    };
    let err = create(&app.db, &admin, plan, Some("1"), blank_form("", "Beskrivning"))
        .await
        .expect_err("no title");
    assert!(matches!(&err, ServiceError::Invalid { field: "title", .. }), "{err}");
    let err = create(
        &app.db,
        &admin,
        plan,
        Some("1"),
        blank_form("Mål", "Ambitionsnivå 2035"),
    )
    .await
    .expect_err("section of another level");
    assert!(
        err.to_string()
            .contains("\"Ambitionsnivå 2035\" is not a section of Inriktningsmål"),
        "{err}"
    );
    let err = create(&app.db, &admin, plan, Some("1.1"), blank_form("Mål", "Beskrivning"))
        .await
        .expect_err("below the last level");
    assert!(err.to_string().contains("last level"), "{err}");
    let err = create(&app.db, &admin, plan, Some("99"), blank_form("Mål", "Beskrivning"))
        .await
        .expect_err("no such parent");
    assert!(err.to_string().contains("\"99\" is not a goal of the plan"), "{err}");
}

#[tokio::test]
async fn only_admins_of_the_tenant_edit_goals() {
    let app = TestApp::spawn().await;
    let plan = plan_id(&app).await;
    for email in ["editor@norrtalje.example", "viewer@norrtalje.example"] {
        let user = app.context_as("norrtalje", email).await;
        assert!(matches!(
            load(&app.db, &user, plan, "1").await,
            Err(ServiceError::Forbidden)
        ));
        assert!(matches!(
            delete(&app.db, &user, plan, "1.1", 1).await,
            Err(ServiceError::Forbidden)
        ));
    }
    let other = app.context_as("sodertalje", "admin@sodertalje.example").await;
    assert!(matches!(
        load(&app.db, &other, plan, "1").await,
        Err(ServiceError::NotFound)
    ));
    assert!(matches!(
        update(&app.db, &other, plan, "1", 1, GoalForm::default()).await,
        Err(ServiceError::NotFound)
    ));
}
