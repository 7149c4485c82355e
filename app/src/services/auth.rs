//! Login, logout and resolving a session cookie into an [`AuthContext`].

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection, TransactionTrait};

use super::{ServiceError, validate};
use crate::auth::{password, token};
use crate::db::TenantScope;
use crate::db::repo::audit::{self, AuditEntry};
use crate::db::repo::sessions::SessionOwner;
use crate::db::repo::{login_failures, platform_admins, sessions, tenants, users};
use crate::model::{Me, Role, TenantSummary};

/// At most this many failed logins per account or per address…
pub const MAX_FAILURES: u64 = 5;
/// …within this window; the next attempt answers "too many attempts".
pub const FAILURE_WINDOW_MINUTES: i64 = 15;

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

    pub fn scope(&self) -> TenantScope {
        self.scope
    }

    pub fn role(&self) -> Role {
        self.me.role
    }

    /// Fails with `Forbidden` unless the role includes `needed`.
    pub fn require(&self, needed: Role) -> Result<(), ServiceError> {
        if self.me.role >= needed {
            Ok(())
        } else {
            Err(ServiceError::Forbidden)
        }
    }

    /// The scope for a tenant named in a URL. A user's own tenant only; platform admins any.
    /// Another tenant's slug answers `NotFound`, exactly like a slug that does not exist.
    pub async fn scope_for_slug(&self, db: &impl ConnectionTrait, slug: &str) -> Result<TenantScope, ServiceError> {
        if slug == self.me.tenant.slug {
            return Ok(self.scope);
        }
        if self.me.platform_admin
            && let Some(tenant) = tenants::find_by_slug(db, slug).await?
        {
            return Ok(TenantScope::new(tenant.id));
        }
        Err(ServiceError::NotFound)
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
        return Err(ServiceError::invalid("password", "must not be empty"));
    }
    if input.password.chars().count() > 1024 {
        return Err(ServiceError::invalid("password", "must be at most 1024 characters"));
    }

    let mut throttle_keys = vec![format!("account:{tenant_slug}:{email}")];
    if let Some(addr) = &input.client_addr {
        throttle_keys.push(format!("addr:{addr}"));
    }
    let window_start = now - Duration::minutes(FAILURE_WINDOW_MINUTES);
    for key in &throttle_keys {
        if login_failures::count_since(db, key, window_start).await? >= MAX_FAILURES {
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
    // Argon2 takes tens of milliseconds of CPU: keep it off the async workers.
    let matches = tokio::task::spawn_blocking(move || password::verify(&candidate, &stored))
        .await
        .map_err(|e| ServiceError::Task(e.to_string()))?;

    let (Some(tenant), Some(account), true) = (tenant, account, matches) else {
        let txn = db.begin().await?;
        for key in &throttle_keys {
            login_failures::clear(&txn, key, Some(window_start)).await?;
            login_failures::record(&txn, key, now).await?;
        }
        txn.commit().await?;
        return Err(ServiceError::InvalidCredentials);
    };

    let scope = TenantScope::new(tenant.id);
    let (owner, me) = match account {
        Account::User(user) => {
            let role =
                Role::parse(&user.role).ok_or_else(|| ServiceError::Conflict(format!("unknown role {}", user.role)))?;
            let me = Me {
                email: user.email,
                name: user.name,
                role,
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
    login_failures::clear(&txn, &throttle_keys[0], None).await?;
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

/// Ends the session: the cookie's token stops working on every app instance at once.
pub async fn logout(db: &DatabaseConnection, auth: &AuthContext) -> Result<(), ServiceError> {
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
            Some(user) => match Role::parse(&user.role) {
                Some(role) => Me {
                    email: user.email,
                    name: user.name,
                    role,
                    platform_admin: false,
                    tenant: summary(&tenant),
                },
                None => return Ok(None),
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
