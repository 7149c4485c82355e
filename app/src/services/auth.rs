//! Login, logout and resolving a session cookie into an [`AuthContext`].

use chrono::{DateTime, Duration, Utc};
use sea_orm::{DatabaseConnection, TransactionTrait};

use super::{ServiceError, validate};
use crate::auth::{password, token};
use crate::db::TenantScope;
use crate::db::repo::audit::{self, AuditEntry};
use crate::db::repo::sessions::SessionOwner;
use crate::db::repo::{login_failures, platform_admins, sessions, tenants, users};
use crate::model::{Me, Message, Role, TenantSummary};

/// At most this many failed logins per account (a tenant's e-mail address)…
pub const MAX_FAILURES: u64 = 5;
/// …per person, by e-mail address in any tenant (a platform admin can sign in through
/// every tenant)…
pub const MAX_FAILURES_PER_PERSON: u64 = 10;
/// …and per client address: high, since a municipality's whole office may share one.
pub const MAX_FAILURES_PER_ADDRESS: u64 = 100;
/// …within this window; the next attempt answers "too many attempts".
pub const FAILURE_WINDOW_MINUTES: i64 = 15;
/// Passwords checked at once; more wait their turn (each check takes 19 MiB and tens of
/// milliseconds of a core), for at most [`PASSWORD_QUEUE_WAIT`].
fn password_checks() -> &'static tokio::sync::Semaphore {
    static CHECKS: std::sync::OnceLock<tokio::sync::Semaphore> = std::sync::OnceLock::new();
    CHECKS.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get);
        tokio::sync::Semaphore::new(cores.max(2))
    })
}
const PASSWORD_QUEUE_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

/// Who is signed in, in which tenant, with which role. Made only from a live session.
#[derive(Debug, Clone)]
pub struct AuthContext {
    scope: TenantScope,
    session_hash: String,
    pub me: Me,
}

impl AuthContext {
    /// What [`session_key`] gives for this session's cookie.
    pub fn session_key(&self) -> String {
        format!("{}.{}", self.scope.tenant_id(), self.session_hash)
    }

    /// The session's own tenant; services act through a [`super::context::TenantContext`].
    pub(crate) fn scope(&self) -> TenantScope {
        self.scope
    }
}

pub struct LoginInput<'a> {
    pub tenant: &'a str,
    pub email: &'a str,
    pub password: &'a str,
    /// The client's address, for throttling per address.
    pub client_addr: Option<String>,
}

/// A new session: the cookie value to set and who it is for.
pub struct NewSession {
    pub cookie_value: String,
    pub max_age_secs: i64,
    pub me: Me,
}

enum Account {
    User(crate::db::entities::user::Model),
    Platform(crate::db::entities::platform_admin::Model),
}

impl Account {
    fn password_hash(&self) -> &str {
        match self {
            Account::User(u) => &u.password_hash,
            Account::Platform(p) => &p.password_hash,
        }
    }
}

pub async fn login(
    db: &DatabaseConnection,
    input: LoginInput<'_>,
    session_ttl: Duration,
    now: DateTime<Utc>,
) -> Result<NewSession, ServiceError> {
    let tenant_slug = validate::text("tenant", input.tenant, 63)?;
    let email = validate::email(input.email)?;
    if input.password.is_empty() {
        return Err(ServiceError::invalid("password", Message::Required));
    }
    let length = input.password.chars().count();
    if length > validate::PASSWORD_MAX {
        let message = Message::TooLong {
            max: validate::PASSWORD_MAX,
            length,
        };
        return Err(ServiceError::invalid("password", message));
    }

    let mut throttle_keys = vec![
        (format!("account:{tenant_slug}:{email}"), MAX_FAILURES),
        (format!("person:{email}"), MAX_FAILURES_PER_PERSON),
    ];
    if let Some(addr) = &input.client_addr {
        throttle_keys.push((format!("addr:{addr}"), MAX_FAILURES_PER_ADDRESS));
    }
    let window_start = now - Duration::minutes(FAILURE_WINDOW_MINUTES);
    // The attempt counts before its password is checked: of many concurrent attempts, each
    // sees at least every attempt recorded before its own, so no more than the limit get
    // past this point however they interleave.
    let txn = db.begin().await?;
    let mut attempts = Vec::with_capacity(throttle_keys.len());
    for (key, _) in &throttle_keys {
        login_failures::clear(&txn, key, Some(window_start)).await?;
        attempts.push(login_failures::record(&txn, key, now).await?);
    }
    txn.commit().await?;
    for (key, limit) in &throttle_keys {
        if login_failures::count_since(db, key, window_start).await? > *limit {
            return Err(ServiceError::Throttled);
        }
    }

    let tenant = tenants::find_by_slug(db, tenant_slug).await?;
    let account = match &tenant {
        Some(tenant) => match users::find_by_email(db, TenantScope::new(tenant.id), &email).await? {
            Some(user) => Some(Account::User(user)),
            None => platform_admins::find_by_email(db, &email).await?.map(Account::Platform),
        },
        None => None,
    };
    let stored = account
        .as_ref()
        .map_or(password::dummy_hash(), Account::password_hash)
        .to_owned();
    let candidate = input.password.to_owned();
    let turn = tokio::time::timeout(PASSWORD_QUEUE_WAIT, password_checks().acquire())
        .await
        .map_err(|_| ServiceError::busy(Message::BusySignIns))?
        .map_err(|e| ServiceError::Task(e.to_string()))?;
    // Argon2 takes tens of milliseconds of CPU: keep it off the async workers.
    let matches = tokio::task::spawn_blocking(move || password::verify(&candidate, &stored))
        .await
        .map_err(|e| ServiceError::Task(e.to_string()))?;
    drop(turn);

    let (Some(tenant), Some(account), true) = (tenant, account, matches) else {
        return Err(ServiceError::InvalidCredentials);
    };

    let scope = TenantScope::new(tenant.id);
    let (owner, me) = match account {
        Account::User(user) => {
            let me = Me {
                email: user.email,
                name: user.name,
                role: user.role,
                platform_admin: false,
                tenant: summary(&tenant),
            };
            (SessionOwner::User(user.id), me)
        }
        Account::Platform(admin) => {
            let me = Me {
                email: admin.email,
                name: admin.name,
                role: Role::Admin,
                platform_admin: true,
                tenant: summary(&tenant),
            };
            (SessionOwner::PlatformAdmin(admin.id), me)
        }
    };
    let raw_token = token::new_token();
    let txn = db.begin().await?;
    // A success forgets the account's failures, and this attempt everywhere else.
    login_failures::clear(&txn, &throttle_keys[0].0, None).await?;
    login_failures::forget(&txn, attempts).await?;
    sessions::delete_expired(&txn, scope, now).await?;
    sessions::insert(&txn, scope, token::hash_token(&raw_token), owner, now + session_ttl).await?;
    audit::record(
        &txn,
        scope,
        AuditEntry {
            actor: &me.email,
            action: "login",
            entity_type: "session",
            entity_id: None,
            old_value: None,
            new_value: None,
        },
    )
    .await?;
    txn.commit().await?;
    Ok(NewSession {
        cookie_value: token::cookie_value(tenant.id, &raw_token),
        max_age_secs: session_ttl.num_seconds(),
        me,
    })
}

/// Ends the session: the cookie's token stops working on every app instance at once, and
/// this instance forgets it from its cache of resolved sessions.
pub async fn logout(
    db: &DatabaseConnection,
    sessions_cache: &crate::auth::session_cache::SessionCache,
    auth: &AuthContext,
) -> Result<(), ServiceError> {
    let txn = db.begin().await?;
    sessions::delete(&txn, auth.scope, &auth.session_hash).await?;
    audit::record(
        &txn,
        auth.scope,
        AuditEntry {
            actor: &auth.me.email,
            action: "logout",
            entity_type: "session",
            entity_id: None,
            old_value: None,
            new_value: None,
        },
    )
    .await?;
    txn.commit().await?;
    sessions_cache.forget(auth);
    Ok(())
}

/// A key for a session cookie that does not hold the token itself (its tenant and hash).
pub fn session_key(cookie_value: &str) -> Option<String> {
    let (tenant_id, raw_token) = token::parse_cookie_value(cookie_value)?;
    Some(format!("{tenant_id}.{}", token::hash_token(raw_token)))
}

/// The signed-in user for a session cookie value, or `None` if it is unknown or expired.
pub async fn resolve_session(
    db: &DatabaseConnection,
    cookie_value: &str,
    now: DateTime<Utc>,
) -> Result<Option<AuthContext>, ServiceError> {
    let Some((tenant_id, raw_token)) = token::parse_cookie_value(cookie_value) else {
        return Ok(None);
    };
    let scope = TenantScope::new(tenant_id);
    let session_hash = token::hash_token(raw_token);
    let Some(session) = sessions::find_live(db, scope, &session_hash, now).await? else {
        return Ok(None);
    };
    let Some(tenant) = tenants::find_by_id(db, tenant_id).await? else {
        return Ok(None);
    };
    let me = match (session.user_id, session.platform_admin_id) {
        (Some(user_id), _) => match users::find_by_id(db, scope, user_id).await? {
            Some(user) => Me {
                email: user.email,
                name: user.name,
                role: user.role,
                platform_admin: false,
                tenant: summary(&tenant),
            },
            None => return Ok(None),
        },
        (None, Some(admin_id)) => match platform_admins::find_by_id(db, admin_id).await? {
            Some(admin) => Me {
                email: admin.email,
                name: admin.name,
                role: Role::Admin,
                platform_admin: true,
                tenant: summary(&tenant),
            },
            None => return Ok(None),
        },
        (None, None) => return Ok(None),
    };
    Ok(Some(AuthContext {
        scope,
        session_hash,
        me,
    }))
}

fn summary(tenant: &crate::db::entities::tenant::Model) -> TenantSummary {
    TenantSummary {
        slug: tenant.slug.clone(),
        name: tenant.name.clone(),
    }
}
