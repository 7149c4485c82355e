//! Previews before saving, across plans: a level's default rule reaches every plan with
//! goals on the level, an indicator's method its own plan and the municipality's plan its
//! goal contributes to. Each change is against today's verdicts; nothing is saved.

use chrono::NaiveDate;
use serde_json::json;

use crate::common::{TestApp, import_sodertalje_october};

use app::domain::{MethodKind, RuleKind};
use app::model::{Assessment, Colour, MethodForm, RuleForm, VerdictChange, VerdictKind};
use app::services::versioned_cache::VersionedCache;
use app::services::{ServiceError, assessment, indicator_method, structure};
use engine::assess::Rule;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).expect("date")
}

fn manual_rule() -> RuleForm {
    RuleForm {
        kind: Some(RuleKind::Manual),
        ..RuleForm::default()
    }
}

fn change<'a>(changes: &'a [VerdictChange], kind: VerdictKind, code: &str) -> Option<&'a VerdictChange> {
    changes.iter().find(|c| c.kind == kind && c.code == code)
}

/// Every change names today's verdict as "before" and differs from it.
fn against_today(changes: &[VerdictChange], today: &[Assessment]) {
    for c in changes {
        let now = (today.iter())
            .find(|a| a.kind == c.kind && a.code == c.code && a.plan == c.plan)
            .unwrap_or_else(|| panic!("{c:?} is no verdict of today"));
        assert_eq!(c.before, now.verdict, "{c:?}");
    }
}

#[tokio::test]
async fn a_levels_rule_is_previewed_in_every_plan_with_goals_on_the_level() {
    let app = TestApp::spawn().await;
    import_sodertalje_october(&app).await;
    let cache = VersionedCache::new(10);
    let admin = app.context_as("sodertalje", "admin@sodertalje.example").await;
    let now = assessment::for_tenant(&app.db, &cache, &admin, None, "2025-10")
        .await
        .expect("verdicts");

    // KF-mål are judged by their level's rule from the nämndmål contributing to them; as
    // manual only, every KF-mål without its own rule and not grey today turns grey.
    let preview = structure::preview_rule_form(&app.db, &cache, &admin, "kf_mal", &manual_rule(), today())
        .await
        .expect("preview");
    assert_eq!(preview.month, "2025-10");
    let judged: Vec<&Assessment> = (now.iter())
        .filter(|a| a.kind == VerdictKind::Goal && a.code.starts_with("kf") && a.code != "kf6")
        .filter(|a| a.verdict != Colour::Grey)
        .collect();
    assert!(!judged.is_empty(), "October's values give KF-mål 5 a colour: {now:?}");
    for kf in judged {
        let turned = change(&preview.changes, VerdictKind::Goal, &kf.code).unwrap_or_else(|| panic!("{kf:?}"));
        assert_eq!(
            (turned.after, turned.plan.as_str()),
            (Colour::Grey, "Mål och budget 2025")
        );
    }
    against_today(&preview.changes, &now);
    assert!(
        preview.changes.iter().all(|c| c.plan == "Mål och budget 2025"),
        "no council goal is on the KF-mål level: {:?}",
        preview.changes
    );
    let (stored, _, _) = structure::rule_of(&app.db, &admin, "kf_mal").await.expect("rule");
    assert_eq!(stored, Some(Rule::equal_weights_all_green()), "a preview saves nothing");

    // The nämndmål level's default reaches no verdict: each of Södertälje's nämndmål states
    // its own rule.
    let nothing = structure::preview_rule_form(&app.db, &cache, &admin, "namndmal", &manual_rule(), today())
        .await
        .expect("preview");
    assert_eq!(nothing.changes, []);

    let unknown = structure::preview_rule_form(&app.db, &cache, &admin, "nope", &manual_rule(), today()).await;
    assert!(matches!(unknown, Err(ServiceError::NotFound)), "{unknown:?}");
    let editor = app.context_as("sodertalje", "editor@sodertalje.example").await;
    let denied = structure::preview_rule_form(&app.db, &cache, &editor, "kf_mal", &manual_rule(), today()).await;
    assert!(matches!(denied, Err(ServiceError::Forbidden)), "{denied:?}");
}

#[tokio::test]
async fn an_indicators_method_is_previewed_in_its_plan_and_the_goals_it_reaches() {
    let app = TestApp::spawn().await;
    import_sodertalje_october(&app).await;
    let cache = VersionedCache::new(10);
    let admin = app.context_as("sodertalje", "admin@sodertalje.example").await;
    let now = assessment::for_tenant(&app.db, &cache, &admin, None, "2025-10")
        .await
        .expect("verdicts");
    let manual = MethodForm {
        kind: Some(MethodKind::Manual),
        ..MethodForm::default()
    };

    // Budget adherence judged by hand only: grey without a verdict, so nämndmål 5 (which
    // needs it green) is no longer green, nor is KF-mål 5 judged from it.
    let preview = indicator_method::preview_form(&app.db, &cache, &admin, "budgetfoljsamhet", &manual, today())
        .await
        .expect("preview");
    let first = &preview.changes[0];
    assert_eq!(
        (first.kind, first.code.as_str(), first.before, first.after),
        (VerdictKind::Indicator, "budgetfoljsamhet", Colour::Green, Colour::Grey)
    );
    let five = change(&preview.changes, VerdictKind::Goal, "5").expect("nämndmål 5");
    assert_eq!(
        (five.before, five.plan.as_str()),
        (Colour::Green, "Verksamhetsplan 2025")
    );
    assert_ne!(five.after, Colour::Green);
    let kf5 = change(&preview.changes, VerdictKind::Goal, "kf5").expect("KF-mål 5");
    assert_eq!((kf5.before, kf5.plan.as_str()), (Colour::Green, "Mål och budget 2025"));
    assert_ne!(kf5.after, Colour::Green);
    against_today(&preview.changes, &now);
    let (own, _, _) = indicator_method::current(&app.db, &admin, "budgetfoljsamhet")
        .await
        .expect("method");
    assert_eq!(own, None, "a preview saves nothing");

    let bad = MethodForm {
        kind: Some(MethodKind::Threshold),
        margin: "-1".into(),
        ..MethodForm::default()
    };
    let refused = indicator_method::preview_form(&app.db, &cache, &admin, "budgetfoljsamhet", &bad, today()).await;
    assert!(matches!(refused, Err(ServiceError::Invalid { .. })), "{refused:?}");
    let other = app.context_as("norrtalje", "admin@norrtalje.example").await;
    let walled = indicator_method::preview_form(&app.db, &cache, &other, "avtalstrohet", &manual, today()).await;
    assert!(matches!(walled, Err(ServiceError::NotFound)), "{walled:?}");
}

#[tokio::test]
async fn rest_previews_a_levels_rule_and_methods_by_the_documents_names() {
    let app = TestApp::spawn().await;
    let client = app.login_as("sodertalje", "admin@sodertalje.example").await;
    let post = |path: &str, body: serde_json::Value| {
        client
            .post(app.url(&format!("/api/v1/tenants/sodertalje/{path}")))
            .json(&body)
            .send()
    };
    let indicator = post(
        "indicators/avtalstrohet/method-preview",
        json!({"method": {"kind": "manual"}}),
    )
    .await
    .expect("post");
    assert_eq!(indicator.status(), 200);
    let body: serde_json::Value = indicator.json().await.expect("json");
    assert_eq!(
        (&body["changes"][0]["code"], &body["changes"][0]["after"]),
        (&json!("avtalstrohet"), &json!("grey"))
    );
    let level = post("levels/kf_mal/rule-preview", json!({"rule": {"kind": "manual"}}))
        .await
        .expect("post");
    assert_eq!(level.status(), 200);
    let tenant = post(
        "indicator-method-preview",
        json!({"method": {"kind": "threshold", "margin": {"kind": "percent", "value": "-1"}}}),
    )
    .await
    .expect("post");
    assert_eq!(tenant.status(), 422, "a negative margin");
    let unknown = post("levels/kf_mal/rule-preview", json!({"rule": {"kind": "nope"}}))
        .await
        .expect("post");
    assert_eq!(unknown.status(), 422, "not a rule");
}
