use sea_orm::{DatabaseConnection, TransactionTrait};

use super::context::TenantContext;
use super::{ServiceError, validate};
use crate::auth::password;
use crate::db::TenantScope;
use crate::db::repo::audit::{self, AuditEntry};
use crate::db::repo::{platform_admins, users};
use crate::domain::UserId;
use crate::model::{Message, Named, Role, UserSummary};

/// The tenant's users. Admins only.
pub async fn list(db: &DatabaseConnection, ctx: &TenantContext) -> Result<Vec<UserSummary>, ServiceError> {
    let scope = ctx.scope();
    ctx.require(Role::Admin)?;
    Ok(users::list(db, scope).await?.into_iter().map(summary).collect())
}

fn summary(u: crate::db::entities::user::Model) -> UserSummary {
    UserSummary {
        id: UserId::from_uuid(u.id),
        email: u.email,
        name: u.name,
        role: u.role,
        created_at: u.created_at,
    }
}

/// `POST /tenants/{slug}/users`: an admin of the tenant (or a platform admin) adds a user.
/// An e-mail already in use is a conflict.
pub async fn add_for(
    db: &DatabaseConnection,
    ctx: &TenantContext,
    input: NewUserInput<'_>,
) -> Result<UserSummary, ServiceError> {
    let scope = ctx.scope();
    ctx.require(Role::Admin)?;
    let email = validate::email(input.email)?;
    create_or_update(
        db,
        scope,
        NewUserInput {
            is_demo: false,
            ..input
        },
        false,
        ctx.actor(),
    )
    .await?;
    let user = users::find_by_email(db, scope, &email)
        .await?
        .ok_or_else(|| ServiceError::Corrupt(format!("{email} missing after insert")))?;
    Ok(summary(user))
}

pub struct NewUserInput<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub role: Role,
    pub password: &'a str,
    pub is_demo: bool,
}

/// Adds a user to the tenant, or sets the password of an existing one with that e-mail
/// when `replace_password` is true. Returns whether a user was created.
pub async fn create_or_update(
    db: &DatabaseConnection,
    scope: TenantScope,
    input: NewUserInput<'_>,
    replace_password: bool,
    actor: &str,
) -> Result<bool, ServiceError> {
    let email = validate::email(input.email)?;
    let name = validate::text("name", input.name, 200)?;
    let plain = validate::new_password(input.password)?;
    let existing = users::find_by_email(db, scope, &email).await?;
    if existing.is_some() && !replace_password {
        return Err(ServiceError::conflict(Message::AlreadyExists {
            what: Named::UserEmail,
            value: email,
        }));
    }
    let hash = hash_password(plain).await?;
    let txn = db.begin().await?;
    let created = match existing {
        Some(user) => {
            users::set_password_hash(&txn, scope, user.id, hash).await?;
            audit_user(&txn, scope, actor, "set_password", &email).await?;
            false
        }
        None => {
            users::insert(
                &txn,
                scope,
                users::NewUser {
                    email: &email,
                    name,
                    role: input.role,
                    password_hash: hash,
                    is_demo: input.is_demo,
                },
            )
            .await?;
            audit_user(&txn, scope, actor, "create", &email).await?;
            true
        }
    };
    txn.commit().await?;
    Ok(created)
}

/// Adds a platform admin, or sets the password of an existing one. Returns whether one was created.
pub async fn create_or_update_platform_admin(
    db: &DatabaseConnection,
    email: &str,
    name: &str,
    plain: &str,
    is_demo: bool,
) -> Result<bool, ServiceError> {
    let email = validate::email(email)?;
    let name = validate::text("name", name, 200)?;
    let hash = hash_password(validate::new_password(plain)?).await?;
    match platform_admins::find_by_email(db, &email).await? {
        Some(admin) => {
            platform_admins::set_password_hash(db, admin.id, hash).await?;
            Ok(false)
        }
        None => {
            platform_admins::insert(db, &email, name, hash, is_demo).await?;
            Ok(true)
        }
    }
}

async fn hash_password(plain: &str) -> Result<String, ServiceError> {
    let plain = plain.to_owned();
    tokio::task::spawn_blocking(move || password::hash(&plain))
        .await
        .map_err(|e| ServiceError::Task(e.to_string()))?
        .map_err(|e| ServiceError::PasswordHash(e.to_string()))
}

async fn audit_user(
    txn: &impl sea_orm::ConnectionTrait,
    scope: TenantScope,
    actor: &str,
    action: &str,
    email: &str,
) -> Result<(), ServiceError> {
    audit::record(
        txn,
        scope,
        AuditEntry {
            actor,
            action,
            entity_type: "user",
            entity_id: Some(email.to_owned()),
            old_value: None,
            new_value: None,
        },
    )
    .await?;
    Ok(())
}
