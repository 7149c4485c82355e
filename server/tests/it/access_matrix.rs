//! Who may call what: every REST route of the OpenAPI document and every registered server
//! function, called as each kind of caller, with the ids of the caller's tenant and then
//! with another tenant's. The expected outcome per caller is one row of [`matrix`]; a route
//! or server function without a row fails the test, and so does a row for one that no
//! longer exists.
//!
//! A row's calls are harmless to repeat: writes carry revision 0 (stale) or an empty form,
//! so an allowed caller gets 409 or 422 and nothing changes. "Allowed" is any answer but
//! 401, 403, 404 and 5xx; a denial must be exactly the status the row says. No body
//! answered to a caller of the first tenant holds an id or an email of the other.

use std::collections::BTreeSet;

use app::api::*;
use app::domain::{Colour, Numbering, Role as UserRole, ValueKind};
use app::model::{
    AssignmentForm, CouncilForm, DecisionForm, FollowUp, FollowUpFilter, GoalForm, IndicatorForm, LevelForm,
    ManualVerdictForm, MethodForm, NewPlanForm, NewTenantForm, NewUserForm, RuleForm, TenantTextsForm, ValueEdit,
    VerdictKind,
};
use sea_orm::{ConnectionTrait, Statement};
use serde_json::{Value, json};

use crate::common::{PASSWORD, TestApp};

/// What a caller must get.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Want {
    /// Past the gate: any answer but 401, 403, 404 or a server error.
    Allowed,
    Status(u16),
}

use Want::Allowed;
const UNAUTH: Want = Want::Status(401);
const FORBIDDEN: Want = Want::Status(403);
const NOT_FOUND: Want = Want::Status(404);

/// The callers, in the order of a row's expectations.
const CALLERS: [Caller; 6] = [
    Caller::Anonymous,
    Caller::Viewer,
    Caller::Editor,
    Caller::Admin,
    Caller::OtherAdmin,
    Caller::PlatformAdmin,
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Caller {
    Anonymous,
    Viewer,
    Editor,
    Admin,
    /// The admin of the other tenant.
    OtherAdmin,
    /// Signed in through the first tenant.
    PlatformAdmin,
}

type Wants = [Want; 6];

/// Anyone, signed in or not.
const PUBLIC: Wants = [Allowed; 6];
/// Anyone signed in, in whichever tenant.
const SIGNED_IN: Wants = [UNAUTH, Allowed, Allowed, Allowed, Allowed, Allowed];
/// The tenant's people (a route naming the first tenant): another tenant's admin finds nothing.
const TENANT_READ: Wants = [UNAUTH, Allowed, Allowed, Allowed, NOT_FOUND, Allowed];
const TENANT_EDIT: Wants = [UNAUTH, FORBIDDEN, Allowed, Allowed, NOT_FOUND, Allowed];
const TENANT_ADMIN: Wants = [UNAUTH, FORBIDDEN, FORBIDDEN, Allowed, NOT_FOUND, Allowed];
/// A server function acting in the caller's own tenant, naming no id of the first.
const OWN_READ: Wants = SIGNED_IN;
const OWN_ADMIN: Wants = [UNAUTH, FORBIDDEN, FORBIDDEN, Allowed, Allowed, Allowed];
const PLATFORM: Wants = [UNAUTH, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, Allowed];

/// Ids and codes of one tenant's data, for paths and bodies.
#[derive(Debug, Clone)]
struct Ids {
    tenant: String,
    plan: String,
    goal: String,
    assignment: String,
    indicator_id: String,
    indicator_code: String,
    council: String,
    job: String,
    /// A ledger import's job.
    ledger_job: String,
    /// The key of the tenant's first goal level.
    level: String,
}

enum Body {
    None,
    Json(Value),
    Form(String),
    Bytes(&'static str),
}

enum Target {
    Rest { method: &'static str, path: &'static str },
    ServerFn { path: &'static str, name: &'static str },
}

struct Row {
    target: Target,
    body: fn(&Ids) -> Body,
    wants: Wants,
    /// Whether the calls name ids (then they are made again with the other tenant's).
    names_ids: bool,
    /// Signs in or out: called with a client of its own, so the caller's session stays.
    changes_session: bool,
}

fn rest(method: &'static str, path: &'static str, body: fn(&Ids) -> Body, wants: Wants) -> Row {
    Row {
        target: Target::Rest { method, path },
        body,
        wants,
        names_ids: ["{plan}", "{job}", "{indicator}"].iter().any(|id| path.contains(id)),
        changes_session: path.starts_with("/api/v1/auth/"),
    }
}

fn server_fn<F: server_fn::ServerFn>(name: &'static str, body: fn(&Ids) -> Body, wants: Wants, names_ids: bool) -> Row {
    Row {
        target: Target::ServerFn { path: F::PATH, name },
        body,
        wants,
        names_ids,
        changes_session: name == "login" || name == "logout",
    }
}

fn none(_: &Ids) -> Body {
    Body::None
}

fn form(pairs: &[(&str, &str)]) -> Body {
    let encoded: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={}", urlencode(v))).collect();
    Body::Form(encoded.join("&"))
}

fn urlencode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn verdict_form(ids: &Ids) -> ManualVerdictForm {
    ManualVerdictForm {
        kind: VerdictKind::Goal,
        code: ids.goal.clone(),
        period: "2025-10".into(),
        verdict: Colour::Green,
        motivation: String::new(),
        revision: None,
    }
}

/// A cell that never held what it claims: an allowed caller gets a conflict.
fn stale_edit() -> ValueEdit {
    ValueEdit {
        period: "2025".into(),
        kind: ValueKind::Outcome,
        gender: app::domain::Gender::Total,
        expected: Some("nonsense".into()),
        expected_comment: None,
        text: "1".into(),
        comment: None,
    }
}

fn user_form() -> NewUserForm {
    NewUserForm {
        email: String::new(),
        name: String::new(),
        role: UserRole::Viewer,
        password: String::new(),
    }
}

/// The expected outcome of every route and server function, per caller.
fn matrix() -> Vec<Row> {
    vec![
        // REST, as the OpenAPI document lists it.
        rest("GET", "/api/v1/health", none, PUBLIC),
        rest(
            "POST",
            "/api/v1/auth/login",
            |_| Body::Json(json!({"tenant": "norrtalje", "email": "viewer@norrtalje.example", "password": PASSWORD})),
            PUBLIC,
        ),
        rest("POST", "/api/v1/auth/logout", none, PUBLIC),
        rest("GET", "/api/v1/me", none, SIGNED_IN),
        rest("POST", "/api/v1/tenants", |_| Body::Json(json!({})), PLATFORM),
        rest("GET", "/api/v1/tenants/{tenant}/councils", none, TENANT_READ),
        rest(
            "GET",
            "/api/v1/tenants/{tenant}/councils/{council}/economy",
            none,
            TENANT_READ,
        ),
        rest(
            "GET",
            "/api/v1/tenants/{tenant}/councils/{council}/economy/{year}",
            none,
            TENANT_READ,
        ),
        rest(
            "GET",
            "/api/v1/tenants/{tenant}/councils/{council}/economy/{year}/months",
            none,
            TENANT_READ,
        ),
        rest(
            "POST",
            "/api/v1/tenants/{tenant}/councils/{council}/economy/{year}/scenario",
            |_| Body::Json(json!({"changes": []})),
            TENANT_READ,
        ),
        rest(
            "POST",
            "/api/v1/tenants/{tenant}/councils/{council}/forecasts",
            |_| Body::Json(json!({})),
            TENANT_EDIT,
        ),
        rest(
            "POST",
            "/api/v1/tenants/{tenant}/ledger-imports",
            |_| Body::Bytes("not a table"),
            TENANT_EDIT,
        ),
        rest(
            "POST",
            "/api/v1/tenants/{tenant}/ledger-imports/preview",
            |_| Body::Bytes("not a table"),
            TENANT_EDIT,
        ),
        rest(
            "GET",
            "/api/v1/tenants/{tenant}/ledger-imports/{job}",
            none,
            TENANT_EDIT,
        ),
        rest("GET", "/api/v1/tenants/{tenant}/users", none, TENANT_ADMIN),
        rest(
            "POST",
            "/api/v1/tenants/{tenant}/users",
            |_| Body::Json(json!({})),
            TENANT_ADMIN,
        ),
        rest("GET", "/api/v1/tenants/{tenant}/plans", none, TENANT_READ),
        rest("GET", "/api/v1/tenants/{tenant}/plans/{plan}", none, TENANT_READ),
        rest("GET", "/api/v1/tenants/{tenant}/plans/{plan}/goals", none, TENANT_READ),
        rest(
            "GET",
            "/api/v1/tenants/{tenant}/plans/{plan}/indicators",
            none,
            TENANT_READ,
        ),
        rest(
            "POST",
            "/api/v1/tenants/{tenant}/plans/{plan}/adoptions",
            |_| Body::Json(json!({"revision": 0, "date": "2025-01-01", "body": "", "paragraph": ""})),
            TENANT_ADMIN,
        ),
        rest(
            "POST",
            "/api/v1/tenants/{tenant}/plans/{plan}/drafts",
            |_| Body::Json(json!({"revision": 0})),
            TENANT_ADMIN,
        ),
        rest(
            "PUT",
            "/api/v1/tenants/{tenant}/plans/{plan}/manual-verdicts",
            |ids| Body::Json(serde_json::to_value(verdict_form(ids)).expect("json")),
            TENANT_EDIT,
        ),
        rest(
            "DELETE",
            "/api/v1/tenants/{tenant}/plans/{plan}/manual-verdicts",
            none,
            TENANT_EDIT,
        ),
        rest("GET", "/api/v1/tenants/{tenant}/assessments", none, TENANT_READ),
        // Rules and methods; writes at revision -1, which nothing has.
        rest(
            "GET",
            "/api/v1/tenants/{tenant}/plans/{plan}/goals/{goal}/rule",
            none,
            TENANT_READ,
        ),
        rest(
            "PUT",
            "/api/v1/tenants/{tenant}/plans/{plan}/goals/{goal}/rule",
            |_| Body::Json(json!({"rule": null, "revision": -1})),
            TENANT_ADMIN,
        ),
        rest(
            "POST",
            "/api/v1/tenants/{tenant}/plans/{plan}/goals/{goal}/rule-preview",
            |_| Body::Json(json!({"rule": {"kind": "manual"}})),
            TENANT_ADMIN,
        ),
        rest(
            "GET",
            "/api/v1/tenants/{tenant}/levels/{level}/rule",
            none,
            TENANT_ADMIN,
        ),
        rest(
            "PUT",
            "/api/v1/tenants/{tenant}/levels/{level}/rule",
            |_| Body::Json(json!({"rule": {"kind": "manual"}, "revision": -1})),
            TENANT_ADMIN,
        ),
        rest(
            "POST",
            "/api/v1/tenants/{tenant}/levels/{level}/rule-preview",
            |_| Body::Json(json!({"rule": {"kind": "manual"}})),
            TENANT_ADMIN,
        ),
        rest("GET", "/api/v1/tenants/{tenant}/indicator-method", none, TENANT_READ),
        rest(
            "POST",
            "/api/v1/tenants/{tenant}/indicator-method-preview",
            |_| Body::Json(json!({"method": {"kind": "manual"}})),
            TENANT_ADMIN,
        ),
        rest(
            "PUT",
            "/api/v1/tenants/{tenant}/indicator-method",
            |_| Body::Json(json!({"method": {"kind": "manual"}, "revision": -1})),
            TENANT_ADMIN,
        ),
        rest(
            "GET",
            "/api/v1/tenants/{tenant}/indicators/{indicator}/method",
            none,
            TENANT_READ,
        ),
        rest(
            "PUT",
            "/api/v1/tenants/{tenant}/indicators/{indicator}/method",
            |_| Body::Json(json!({"method": {"kind": "manual"}, "revision": -1})),
            TENANT_ADMIN,
        ),
        rest(
            "POST",
            "/api/v1/tenants/{tenant}/indicators/{indicator}/method-preview",
            |_| Body::Json(json!({"method": {"kind": "manual"}})),
            TENANT_ADMIN,
        ),
        rest("GET", "/api/v1/tenants/{tenant}/export", none, TENANT_ADMIN),
        rest(
            "POST",
            "/api/v1/tenants/{tenant}/import",
            |_| Body::Json(json!({})),
            TENANT_ADMIN,
        ),
        rest(
            "POST",
            "/api/v1/tenants/{tenant}/outcome-imports",
            |_| Body::Bytes("not a table"),
            TENANT_EDIT,
        ),
        rest(
            "GET",
            "/api/v1/tenants/{tenant}/outcome-imports/{job}",
            none,
            TENANT_EDIT,
        ),
        // Server functions: signing in and out, the tenant, the organisation.
        server_fn::<PublicTenants>("public_tenants", none, PUBLIC, false),
        server_fn::<Login>(
            "login",
            |_| {
                form(&[
                    ("tenant", "norrtalje"),
                    ("email", "viewer@norrtalje.example"),
                    ("password", PASSWORD),
                ])
            },
            PUBLIC,
            false,
        ),
        server_fn::<Logout>("logout", none, PUBLIC, false),
        server_fn::<CurrentUser>("current_user", none, PUBLIC, false),
        server_fn::<HomeData>("home_data", none, OWN_READ, false),
        server_fn::<TenantUsers>("tenant_users", none, OWN_ADMIN, false),
        server_fn::<AddUser>(
            "add_user",
            |_| Body::Json(json!({"user": user_form()})),
            OWN_ADMIN,
            false,
        ),
        server_fn::<Municipalities>("municipalities", none, PLATFORM, false),
        server_fn::<CreateMunicipality>(
            "create_municipality",
            |_| Body::Json(json!({"tenant": NewTenantForm { admin: user_form(), ..NewTenantForm::default() }})),
            PLATFORM,
            false,
        ),
        server_fn::<Organisation>("organisation", none, OWN_ADMIN, false),
        server_fn::<SaveTenantTexts>(
            "save_tenant_texts",
            |_| Body::Json(json!({"texts": TenantTextsForm::default()})),
            OWN_ADMIN,
            false,
        ),
        server_fn::<SaveCouncil>(
            "save_council",
            |_| Body::Json(json!({"council": CouncilForm::default()})),
            OWN_ADMIN,
            false,
        ),
        server_fn::<DeleteCouncil>(
            "delete_council",
            |ids| form(&[("id", &ids.council), ("revision", "0")]),
            TENANT_ADMIN,
            true,
        ),
        server_fn::<CreatePlan>(
            "create_plan",
            |_| Body::Json(json!({"plan": NewPlanForm::default()})),
            OWN_ADMIN,
            false,
        ),
        server_fn::<GoalStructure>("goal_structure", none, OWN_ADMIN, false),
        server_fn::<SaveGoalStructure>(
            "save_goal_structure",
            |_| {
                let level = LevelForm {
                    numbering: Numbering::None,
                    ..LevelForm::default()
                };
                Body::Json(json!({"levels": [level]}))
            },
            OWN_ADMIN,
            false,
        ),
        // Plans and their decisions.
        server_fn::<GetPlan>("get_plan", |ids| form(&[("id", &ids.plan)]), TENANT_READ, true),
        server_fn::<AdoptPlan>(
            "adopt_plan",
            |ids| Body::Json(json!({"id": ids.plan, "revision": 0, "decision": DecisionForm::default()})),
            TENANT_ADMIN,
            true,
        ),
        server_fn::<StartPlanDraft>(
            "start_plan_draft",
            |ids| Body::Json(json!({"id": ids.plan, "revision": 0})),
            TENANT_ADMIN,
            true,
        ),
        // Goals.
        server_fn::<PreviewGoalRule>(
            "preview_goal_rule",
            |ids| Body::Json(json!({"plan_id": ids.plan, "code": ids.goal, "form": RuleForm::default()})),
            TENANT_ADMIN,
            true,
        ),
        server_fn::<SaveGoalRule>(
            "save_goal_rule",
            |ids| {
                Body::Json(json!({"plan_id": ids.plan, "code": ids.goal, "revision": -1, "form": RuleForm::default()}))
            },
            TENANT_ADMIN,
            true,
        ),
        server_fn::<SaveGoalLinks>(
            "save_goal_links",
            |ids| Body::Json(json!({"plan_id": ids.plan, "code": ids.goal, "revision": -1, "links": []})),
            TENANT_ADMIN,
            true,
        ),
        server_fn::<PreviewTenantMethod>(
            "preview_tenant_method",
            |_| Body::Json(json!({"form": MethodForm::default()})),
            OWN_ADMIN,
            false,
        ),
        // A level's key names a level of the caller's own tenant (both demo tenants have
        // "malomrade"): nothing of another tenant is reached.
        // Both demo tenants have a "socialnamnden": a slug names the caller's own council.
        server_fn::<CouncilEconomy>(
            "council_economy",
            |_| form(&[("council", "socialnamnden")]),
            OWN_READ,
            false,
        ),
        server_fn::<PreviewLevelRule>(
            "preview_level_rule",
            |ids| Body::Json(json!({"key": ids.level, "form": RuleForm::default()})),
            OWN_ADMIN,
            false,
        ),
        server_fn::<SaveTenantMethod>(
            "save_tenant_method",
            |_| Body::Json(json!({"revision": -1, "form": MethodForm::default()})),
            OWN_ADMIN,
            false,
        ),
        server_fn::<GoalForEdit>(
            "goal_for_edit",
            |ids| form(&[("plan_id", &ids.plan), ("code", &ids.goal)]),
            TENANT_ADMIN,
            true,
        ),
        server_fn::<NewGoal>("new_goal", |ids| form(&[("plan_id", &ids.plan)]), TENANT_ADMIN, true),
        server_fn::<CreateGoal>(
            "create_goal",
            |ids| Body::Json(json!({"plan_id": ids.plan, "parent": null, "form": GoalForm::default()})),
            TENANT_ADMIN,
            true,
        ),
        server_fn::<SaveGoal>(
            "save_goal",
            |ids| {
                Body::Json(json!({"plan_id": ids.plan, "code": ids.goal, "revision": 0, "form": GoalForm::default()}))
            },
            TENANT_ADMIN,
            true,
        ),
        server_fn::<MoveGoal>(
            "move_goal",
            |ids| {
                Body::Json(json!({"plan_id": ids.plan, "code": ids.goal, "revision": 0, "parent": null, "position": 0}))
            },
            TENANT_ADMIN,
            true,
        ),
        server_fn::<DeleteGoal>(
            "delete_goal",
            |ids| Body::Json(json!({"plan_id": ids.plan, "code": ids.goal, "revision": 0})),
            TENANT_ADMIN,
            true,
        ),
        // Indicators and their values.
        server_fn::<IndicatorForEdit>(
            "indicator_for_edit",
            |ids| form(&[("code", &ids.indicator_code)]),
            TENANT_ADMIN,
            true,
        ),
        server_fn::<PreviewIndicatorMethod>(
            "preview_indicator_method",
            |ids| Body::Json(json!({"code": ids.indicator_code, "form": MethodForm::default()})),
            TENANT_ADMIN,
            true,
        ),
        server_fn::<SaveIndicator>(
            "save_indicator",
            |ids| Body::Json(json!({"id": ids.indicator_id, "revision": 0, "form": IndicatorForm::default()})),
            TENANT_ADMIN,
            true,
        ),
        server_fn::<CreateIndicator>(
            "create_indicator",
            |ids| {
                Body::Json(
                    json!({"plan_id": ids.plan, "goal": ids.goal, "code": "ny-indikator", "form": IndicatorForm::default()}),
                )
            },
            TENANT_ADMIN,
            true,
        ),
        server_fn::<LoadValueSheet>(
            "load_value_sheet",
            |ids| form(&[("code", &ids.indicator_code)]),
            TENANT_EDIT,
            true,
        ),
        server_fn::<SaveValues>(
            "save_values",
            |ids| Body::Json(json!({"code": ids.indicator_code, "edits": [stale_edit()]})),
            TENANT_EDIT,
            true,
        ),
        server_fn::<LoadPlanSheet>(
            "load_plan_sheet",
            |ids| Body::Json(json!({"plan_id": ids.plan, "of": {"Goal": ids.goal}, "year": null})),
            TENANT_EDIT,
            true,
        ),
        server_fn::<SaveValueCell>(
            "save_value_cell",
            |ids| Body::Json(json!({"code": ids.indicator_code, "edit": stale_edit()})),
            TENANT_EDIT,
            true,
        ),
        server_fn::<LedgerImportStatus>(
            "ledger_import_status",
            |ids| form(&[("id", &ids.ledger_job)]),
            TENANT_EDIT,
            true,
        ),
        // Both demo tenants have a "socialnamnden": the caller's own council.
        server_fn::<CouncilMonths>(
            "council_months",
            |_| form(&[("council", "socialnamnden")]),
            OWN_READ,
            false,
        ),
        server_fn::<VolumeScenario>(
            "volume_scenario",
            |_| Body::Json(json!({"council": "socialnamnden", "changes": []})),
            OWN_READ,
            false,
        ),
        server_fn::<SaveForecast>(
            "save_forecast",
            |_| {
                Body::Json(
                    json!({"council": "socialnamnden", "forecast": {"year": 2024, "kind": "council", "method": "nonsense"}}),
                )
            },
            [UNAUTH, FORBIDDEN, Allowed, Allowed, Allowed, Allowed],
            false,
        ),
        server_fn::<OutcomeImportStatus>(
            "outcome_import_status",
            |ids| form(&[("id", &ids.job)]),
            TENANT_EDIT,
            true,
        ),
        // Uppdrag and initiativ.
        // Editors open an uppdrag to report on it; only admins may change its definition.
        server_fn::<AssignmentForEdit>(
            "assignment_for_edit",
            |ids| form(&[("plan_id", &ids.plan), ("id", &ids.assignment)]),
            TENANT_EDIT,
            true,
        ),
        server_fn::<NewAssignment>(
            "new_assignment",
            |ids| form(&[("plan_id", &ids.plan)]),
            TENANT_ADMIN,
            true,
        ),
        server_fn::<CreateAssignment>(
            "create_assignment",
            |ids| Body::Json(json!({"plan_id": ids.plan, "form": AssignmentForm::default()})),
            TENANT_ADMIN,
            true,
        ),
        server_fn::<SaveAssignment>(
            "save_assignment",
            |ids| {
                Body::Json(
                    json!({"plan_id": ids.plan, "id": ids.assignment, "revision": 0, "form": AssignmentForm::default()}),
                )
            },
            TENANT_ADMIN,
            true,
        ),
        server_fn::<ReportAssignment>(
            "report_assignment",
            |ids| {
                Body::Json(
                    json!({"plan_id": ids.plan, "id": ids.assignment, "revision": 0, "follow_up": FollowUp::default()}),
                )
            },
            TENANT_EDIT,
            true,
        ),
        server_fn::<DeleteAssignment>(
            "delete_assignment",
            |ids| Body::Json(json!({"plan_id": ids.plan, "id": ids.assignment, "revision": 0})),
            TENANT_ADMIN,
            true,
        ),
        // Follow-up.
        server_fn::<GetFollowUp>(
            "get_follow_up",
            |ids| Body::Json(json!({"plan_id": ids.plan, "filter": FollowUpFilter::default()})),
            TENANT_READ,
            true,
        ),
        server_fn::<GiveManualVerdict>(
            "give_manual_verdict",
            |ids| Body::Json(json!({"plan_id": ids.plan, "form": verdict_form(ids)})),
            TENANT_EDIT,
            true,
        ),
        server_fn::<WithdrawManualVerdict>(
            "withdraw_manual_verdict",
            |ids| {
                Body::Json(
                    json!({"plan_id": ids.plan, "kind": "goal", "code": ids.goal, "period": "2025-10", "revision": 0}),
                )
            },
            TENANT_EDIT,
            true,
        ),
    ]
}

/// A REST path with the ids filled in; query strings a route needs.
fn rest_url(path: &str, method: &str, ids: &Ids) -> String {
    let filled = path
        .replace("{tenant}", &ids.tenant)
        .replace("{plan}", &ids.plan)
        .replace(
            "{job}",
            if path.contains("/ledger-imports/") {
                &ids.ledger_job
            } else {
                &ids.job
            },
        )
        .replace("{goal}", &ids.goal)
        .replace("{indicator}", &ids.indicator_code)
        .replace("{level}", &ids.level)
        // A council by its slug; both demo tenants have this one.
        .replace("{council}", "socialnamnden")
        .replace("{year}", "2024");
    match (method, path) {
        ("GET", "/api/v1/tenants/{tenant}/assessments") => format!("{filled}?period=2025-10"),
        ("DELETE", p) if p.ends_with("/manual-verdicts") => {
            format!("{filled}?kind=goal&code={}&period=2025-10&revision=0", ids.goal)
        }
        _ => filled,
    }
}

async fn maybe_text(app: &TestApp, sql: &str) -> Option<String> {
    let row = app
        .db
        .query_one(Statement::from_string(app.db.get_database_backend(), sql.to_owned()))
        .await
        .expect(sql)?;
    let text = row.try_get_by_index::<String>(0);
    Some(
        text.or_else(|_| row.try_get_by_index::<uuid::Uuid>(0).map(|id| id.to_string()))
            .expect(sql),
    )
}

async fn text(app: &TestApp, sql: &str) -> String {
    maybe_text(app, sql).await.unwrap_or_else(|| panic!("no row: {sql}"))
}

/// One of the tenant's plans with a goal, an indicator and an uppdrag; `avoid_codes`
/// holds indicator codes the pick must not share (codes name indicators across plans).
async fn ids_of(app: &TestApp, client: &reqwest::Client, tenant: &str, avoid_code: Option<&str>) -> Ids {
    let t = format!("(SELECT id FROM tenants WHERE slug = '{tenant}')");
    // Compared as a subquery: SQLite keeps UUIDs as blobs, which no text literal equals.
    let plan_query = format!(
        "(SELECT p.id FROM plans p WHERE p.tenant_id = {t} \
         AND EXISTS (SELECT 1 FROM indicators i WHERE i.tenant_id = p.tenant_id AND i.plan_id = p.id) \
         ORDER BY EXISTS (SELECT 1 FROM assignments a WHERE a.tenant_id = p.tenant_id AND a.plan_id = p.id) DESC, \
         p.first_year DESC, p.name LIMIT 1)"
    );
    let plan = text(app, &format!("SELECT {plan_query}")).await;
    let in_plan = format!("tenant_id = {t} AND plan_id = {plan_query}");
    let avoid = avoid_code.map_or(String::new(), |code| format!("AND code <> '{code}'"));
    let indicator_code = text(
        app,
        &format!("SELECT code FROM indicators WHERE {in_plan} {avoid} ORDER BY code LIMIT 1"),
    )
    .await;
    let job = crate::outcome_import_api::start(client, app, tenant, "x.csv", "not a table").await;
    assert_eq!(job.status(), 202, "an import job to poll in {tenant}");
    let job: Value = job.json().await.expect("job");
    let ledger_job = crate::ledger::start(client, app, tenant, "x.csv", "", "not a table").await;
    assert_eq!(ledger_job.status(), 202, "a ledger import job to poll in {tenant}");
    let ledger_job: Value = ledger_job.json().await.expect("job");
    Ids {
        ledger_job: ledger_job["id"].as_str().expect("job id").to_owned(),
        tenant: tenant.to_owned(),
        level: text(
            app,
            &format!("SELECT key FROM goal_levels WHERE tenant_id = {t} ORDER BY position LIMIT 1"),
        )
        .await,
        goal: text(
            app,
            &format!("SELECT code FROM goals WHERE {in_plan} ORDER BY code LIMIT 1"),
        )
        .await,
        // The other tenant's demo has no uppdrag: an id no tenant has stands in.
        assignment: maybe_text(
            app,
            &format!("SELECT id FROM assignments WHERE {in_plan} ORDER BY id LIMIT 1"),
        )
        .await
        .unwrap_or_else(|| uuid::Uuid::now_v7().to_string()),
        indicator_id: text(
            app,
            &format!("SELECT id FROM indicators WHERE {in_plan} AND code = '{indicator_code}'"),
        )
        .await,
        council: text(
            app,
            &format!("SELECT id FROM councils WHERE tenant_id = {t} ORDER BY name LIMIT 1"),
        )
        .await,
        job: job["id"].as_str().expect("job id").to_owned(),
        indicator_code,
        plan,
    }
}

async fn client_for(app: &TestApp, caller: Caller) -> reqwest::Client {
    match caller {
        Caller::Anonymous => app.client(),
        Caller::Viewer => app.login_as("norrtalje", "viewer@norrtalje.example").await,
        Caller::Editor => app.login_as("norrtalje", "editor@norrtalje.example").await,
        Caller::Admin => app.login_as("norrtalje", "admin@norrtalje.example").await,
        Caller::OtherAdmin => app.login_as("sodertalje", "admin@sodertalje.example").await,
        Caller::PlatformAdmin => {
            app.login_as("norrtalje", app::services::demo::PLATFORM_ADMIN_EMAIL)
                .await
        }
    }
}

async fn call(app: &TestApp, client: &reqwest::Client, row: &Row, ids: &Ids) -> (u16, String) {
    let request = match &row.target {
        Target::Rest { method, path } => {
            let verb = reqwest::Method::from_bytes(method.as_bytes()).expect("method");
            client.request(verb, app.url(&rest_url(path, method, ids)))
        }
        Target::ServerFn { path, .. } => client.post(app.url(path)).header("accept", "application/json"),
    };
    let request = match (row.body)(ids) {
        Body::None => request,
        Body::Json(value) => request.json(&value),
        Body::Form(text) => request
            .header("content-type", "application/x-www-form-urlencoded")
            .body(text),
        Body::Bytes(bytes) => request.header("content-type", "application/octet-stream").body(bytes),
    };
    let res = request.send().await.expect("request");
    let status = res.status().as_u16();
    (status, res.text().await.unwrap_or_default())
}

fn name(target: &Target) -> String {
    match target {
        Target::Rest { method, path } => format!("{method} {path}"),
        Target::ServerFn { name, .. } => format!("server fn {name}"),
    }
}

fn meets(want: Want, status: u16) -> bool {
    match want {
        Allowed => !matches!(status, 401 | 403 | 404) && status < 500,
        Want::Status(expected) => status == expected,
    }
}

/// With the other tenant's ids, whoever could act finds nothing; denials stay as they are.
fn with_foreign_ids(want: Want) -> Want {
    match want {
        Allowed => NOT_FOUND,
        denied => denied,
    }
}

#[tokio::test]
async fn every_route_and_server_function_answers_each_caller_as_its_row_says() {
    let app = TestApp::spawn().await;
    let rows = matrix();

    // The table covers exactly what the server offers.
    let openapi: Value = (app.client().get(app.url("/api/v1/openapi.json")).send().await)
        .expect("openapi")
        .json()
        .await
        .expect("json");
    let offered: BTreeSet<String> = (openapi["paths"].as_object().expect("paths").iter())
        .flat_map(|(path, item)| {
            (item.as_object().expect("path item").keys()).map(move |method| format!("{} {path}", method.to_uppercase()))
        })
        .chain(server_fn::axum::server_fn_paths().map(|(path, _)| path.to_owned()))
        .collect();
    let tabled: BTreeSet<String> = (rows.iter())
        .map(|row| match &row.target {
            Target::Rest { method, path } => format!("{method} {path}"),
            Target::ServerFn { path, .. } => (*path).to_owned(),
        })
        .collect();
    let missing: Vec<_> = offered.difference(&tabled).collect();
    let stale: Vec<_> = tabled.difference(&offered).collect();
    assert!(
        missing.is_empty(),
        "routes without a row in the access matrix: {missing:?}"
    );
    assert!(stale.is_empty(), "rows for routes that do not exist: {stale:?}");

    let editor = app.login_as("norrtalje", "editor@norrtalje.example").await;
    let own = ids_of(&app, &editor, "norrtalje", None).await;
    let other_editor = app.login_as("sodertalje", "editor@sodertalje.example").await;
    let foreign = Ids {
        // The first tenant's paths, the other tenant's ids.
        tenant: own.tenant.clone(),
        ..ids_of(&app, &other_editor, "sodertalje", Some(&own.indicator_code)).await
    };
    // What must never reach the first tenant's people: the other tenant's ids and emails.
    let secrets = [
        foreign.plan.clone(),
        foreign.assignment.clone(),
        foreign.indicator_id.clone(),
        foreign.council.clone(),
        foreign.job.clone(),
        "@sodertalje.example".to_owned(),
    ];

    let mut failures = Vec::new();
    for (index, caller) in CALLERS.into_iter().enumerate() {
        let client = client_for(&app, caller).await;
        let mut calls: Vec<(&Row, &Ids, Want)> = rows.iter().map(|row| (row, &own, row.wants[index])).collect();
        // Another tenant's ids, in the first tenant's paths and in the caller's own session.
        if caller != Caller::OtherAdmin {
            for row in rows.iter().filter(|row| row.names_ids) {
                calls.push((row, &foreign, with_foreign_ids(row.wants[index])));
            }
        }
        for (row, ids, want) in calls {
            let (status, body) = if row.changes_session {
                call(&app, &client_for(&app, caller).await, row, ids).await
            } else {
                call(&app, &client, row, ids).await
            };
            let which = if std::ptr::eq(ids, &own) {
                "own ids"
            } else {
                "the other tenant's ids"
            };
            if !meets(want, status) {
                failures.push(format!(
                    "{} as {caller:?} with {which}: want {want:?}, got {status}: {body:.200}",
                    name(&row.target)
                ));
            }
            if caller != Caller::OtherAdmin && caller != Caller::PlatformAdmin {
                for secret in secrets.iter().filter(|secret| body.contains(secret.as_str())) {
                    failures.push(format!(
                        "{} as {caller:?} with {which}: the body holds the other tenant's {secret}",
                        name(&row.target)
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
