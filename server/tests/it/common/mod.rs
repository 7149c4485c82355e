//! Test harness: the real app on a scratch database, called over HTTP.
//!
//! SQLite by default (a fresh file per test). With `MALBILD_TEST_DATABASE_URL` set to a
//! PostgreSQL URL, each test gets a fresh database created next to the one named there.

use std::future::Future;
use std::net::SocketAddr;
use std::time::Duration;

use reqwest::header::{CONTENT_TYPE, HeaderMap, HeaderValue};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use serde_json::{Value, json};

pub const PASSWORD: &str = "test-password-1234";
/// A content-hashed stylesheet placed in every test site's `pkg/`.
pub const STYLESHEET: &str = "malbild.0123456789abcdef.css";
/// No step of a test takes this long unless it hangs: then it fails, naming the step,
/// rather than holding up the whole run.
pub const STEP_LIMIT: Duration = Duration::from_secs(60);

/// `step`, or a panic naming it if it takes longer than [`STEP_LIMIT`].
pub async fn within<T>(step: &str, fut: impl Future<Output = T>) -> T {
    tokio::time::timeout(STEP_LIMIT, fut)
        .await
        .unwrap_or_else(|_| panic!("{step} took over {} s", STEP_LIMIT.as_secs()))
}

/// Progress of an outcome import, not watched.
/// Södertälje's October 2025 outcomes of nämndmål 5's indicators, imported by its editor:
/// budget adherence within ± 0,5, two more on target, one short (004's rule: green).
pub async fn import_sodertalje_october(app: &TestApp) {
    let editor = app.context_as("sodertalje", "editor@sodertalje.example").await;
    let csv = "indicator,period,value\n\
               budgetfoljsamhet,2025-10,\"0,3\"\n\
               avtalstrohet,2025-10,81\n\
               e-ansokningar-ekonomiskt-bistand,2025-10,31\n\
               omvandlingsgrad-sociala-kontrakt,2025-10,40\n";
    let format = app::services::outcomes::FileFormat::Csv;
    app::services::outcomes::import_for(&app.db, &editor, csv.as_bytes().to_vec(), format, no_progress())
        .await
        .expect("imported");
}

pub fn no_progress() -> app::services::outcomes::Progress {
    std::sync::Arc::new(|_, _, _| {})
}

pub struct TestApp {
    pub base: String,
    pub db: DatabaseConnection,
    db_url: String,
    _dir: tempfile::TempDir,
}

impl TestApp {
    /// The app with the demo tenants seeded (every demo user's password is [`PASSWORD`]).
    pub async fn spawn() -> TestApp {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = within("creating the database", database_url(&dir)).await;
        let db = within("connecting", app::db::connect(&url)).await.expect("connect");
        within("migrating", app::db::migrate(&db)).await.expect("migrate");
        within("seeding", app::services::demo::seed(&db, Some(PASSWORD.to_owned())))
            .await
            .expect("seed");
        Self::serve(url, db, dir).await
    }

    /// A second instance of the app on this one's database, as behind a load balancer: its
    /// own connections, caches and jobs in memory.
    pub async fn another_instance(&self) -> TestApp {
        let db = within("connecting", app::db::connect(&self.db_url))
            .await
            .expect("connect");
        let dir = tempfile::tempdir().expect("temp dir");
        Self::serve(self.db_url.clone(), db, dir).await
    }

    async fn serve(db_url: String, db: DatabaseConnection, dir: tempfile::TempDir) -> TestApp {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("addr");
        let site_root = dir.path().join("site");
        let pkg = site_root.join("pkg");
        std::fs::create_dir_all(&pkg).expect("pkg dir");
        std::fs::write(pkg.join(STYLESHEET), "body { margin: 0 }").expect("css");
        std::fs::write(pkg.join(format!("{STYLESHEET}.br")), "pretend brotli").expect("css.br");
        let site = server::router::site(site_root.to_str().expect("utf-8 path"), addr);
        let settings = server::config::Config::from_lookup(|_| None)
            .expect("defaults")
            .settings();
        let router = server::router::build(server::router::app_state(db.clone(), site, settings));
        tokio::spawn(async move {
            axum::serve(listener, router.into_make_service_with_connect_info::<SocketAddr>())
                .await
                .expect("serve");
        });
        TestApp {
            base: format!("http://{addr}"),
            db,
            db_url,
            _dir: dir,
        }
    }

    /// The id of the tenant's first plan, as a signed-in client lists them.
    pub async fn first_plan(&self, client: &reqwest::Client, tenant: &str) -> String {
        let plans: Vec<Value> = client
            .get(self.url(&format!("/api/v1/tenants/{tenant}/plans")))
            .send()
            .await
            .expect("plans")
            .json()
            .await
            .expect("json");
        plans[0]["id"].as_str().expect("id").to_owned()
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// A browser-like client: keeps cookies, does not follow redirects.
    pub fn client(&self) -> reqwest::Client {
        client_builder().cookie_store(true).build().expect("client")
    }

    /// A signed-in user acting in their own tenant, for calling services directly as the
    /// server functions do.
    pub async fn context_as(&self, tenant: &str, email: &str) -> app::services::context::TenantContext {
        use app::services::auth::{LoginInput, login, resolve_session};
        let input = LoginInput {
            tenant,
            email,
            password: PASSWORD,
            client_addr: None,
        };
        let now = chrono::Utc::now();
        let session = login(&self.db, input, chrono::Duration::hours(1), now)
            .await
            .expect("login");
        let auth = resolve_session(&self.db, &session.cookie_value, now)
            .await
            .expect("resolve")
            .expect("session");
        app::services::context::TenantContext::own(&auth)
    }

    pub async fn login_as(&self, tenant: &str, email: &str) -> reqwest::Client {
        let client = self.client();
        let res = self.post_login(&client, tenant, email, PASSWORD).await;
        assert_eq!(res.status(), 200, "login as {email} in {tenant}");
        client
    }

    pub async fn post_login(
        &self,
        client: &reqwest::Client,
        tenant: &str,
        email: &str,
        password: &str,
    ) -> reqwest::Response {
        client
            .post(self.url("/api/v1/auth/login"))
            .json(&json!({ "tenant": tenant, "email": email, "password": password }))
            .send()
            .await
            .expect("request")
    }
}

/// A client that does not follow redirects and gives up on a request after [`STEP_LIMIT`].
pub fn client_builder() -> reqwest::ClientBuilder {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(STEP_LIMIT)
}

/// `{ "error": { "code", "field" } }` of an error response for a rejected field, after
/// checking its status.
pub async fn error_field(res: reqwest::Response, status: u16) -> (String, String) {
    assert_eq!(res.status(), status, "status");
    let body: Value = res.json().await.expect("JSON error body");
    let text = |key: &str| {
        body["error"][key]
            .as_str()
            .unwrap_or_else(|| panic!("error.{key}: {body}"))
            .to_owned()
    };
    (text("code"), text("field"))
}

/// `{ "error": { "code": … } }` of an error response, after checking its status.
pub async fn error_code(res: reqwest::Response, status: u16) -> (String, String) {
    assert_eq!(res.status(), status, "status");
    let body: Value = res.json().await.expect("JSON error body");
    (
        body["error"]["code"].as_str().expect("error.code").to_owned(),
        body["error"]["message"].as_str().expect("error.message").to_owned(),
    )
}

pub fn json_headers() -> HeaderMap {
    let mut h = HeaderMap::new();
    h.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    h
}

async fn database_url(dir: &tempfile::TempDir) -> String {
    match std::env::var("MALBILD_TEST_DATABASE_URL") {
        Ok(base) if !base.is_empty() => fresh_postgres_database(&base).await,
        _ => format!("sqlite://{}?mode=rwc", dir.path().join("test.sqlite3").display()),
    }
}

/// Creates `<name>_<random>` beside the database in `base` and returns its URL.
async fn fresh_postgres_database(base: &str) -> String {
    let (server, name) = base.rsplit_once('/').expect("database URL ends in /name");
    let name = name.split('?').next().unwrap_or(name);
    let suffix = uuid::Uuid::now_v7().simple().to_string();
    let fresh = format!("{}_{}", &name[..name.len().min(30)], &suffix[suffix.len() - 16..]);
    let admin = app::db::connect(base)
        .await
        .expect("connect to MALBILD_TEST_DATABASE_URL");
    admin
        .execute_unprepared(&format!("CREATE DATABASE \"{fresh}\""))
        .await
        .expect("create test database");
    // A statement waiting on a lock fails rather than hangs.
    format!("{server}/{fresh}?options=-c%20lock_timeout%3D30s%20-c%20statement_timeout%3D60s")
}

/// A message as the English UI writes it.
pub fn english(message: &app::model::Message) -> String {
    app::i18n::message_text(message, app::i18n::Locale::En)
}
