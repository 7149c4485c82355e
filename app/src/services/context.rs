//! [`TenantContext`]: who acts in which tenant with which role, and in which language they
//! read. Every service that reads or writes a tenant's data takes one; REST handlers get it
//! from the `{tenant}` in their path (and `Accept-Language`), server functions from the
//! session's own tenant (and the language cookie). Made in one place, here.

use sea_orm::ConnectionTrait;

use super::ServiceError;
use super::auth::AuthContext;
use crate::db::TenantScope;
use crate::db::repo::tenants;
use crate::i18n::Locale;
use crate::model::{Me, Role, TenantSummary};

/// A signed-in user acting in one tenant: the scope every query of the request is keyed by,
/// the user (with `me.tenant` the tenant acted in) and their role there.
#[derive(Debug, Clone)]
pub struct TenantContext {
    scope: TenantScope,
    me: Me,
    locale: Locale,
}

impl TenantContext {
    /// The session's own tenant: what a server function acts in.
    pub fn own(auth: &AuthContext) -> Self {
        Self {
            scope: auth.scope(),
            me: auth.me.clone(),
            locale: Locale::default(),
        }
    }

    /// The tenant named by a slug in a URL: the user's own tenant, or for a platform admin
    /// any tenant (as its admin). Another tenant's slug answers `NotFound`, exactly like a
    /// slug that does not exist.
    pub async fn named(db: &impl ConnectionTrait, auth: &AuthContext, slug: &str) -> Result<Self, ServiceError> {
        if slug == auth.me.tenant.slug {
            return Ok(Self::own(auth));
        }
        if !auth.me.platform_admin {
            return Err(ServiceError::NotFound);
        }
        match tenants::find_by_slug(db, slug).await? {
            Some(tenant) => Ok(Self {
                scope: TenantScope::new(tenant.id),
                me: Me {
                    role: Role::Admin,
                    tenant: TenantSummary {
                        slug: tenant.slug,
                        name: tenant.name,
                    },
                    ..auth.me.clone()
                },
                locale: Locale::default(),
            }),
            None => Err(ServiceError::NotFound),
        }
    }

    /// The same, reading in `locale` (Swedish unless set).
    pub fn reading(self, locale: Locale) -> Self {
        Self { locale, ..self }
    }

    /// The language texts made for this user (explanations) are written in.
    pub fn locale(&self) -> Locale {
        self.locale
    }

    pub fn scope(&self) -> TenantScope {
        self.scope
    }

    /// The user as the UI shows them, in the tenant acted in.
    pub fn me(&self) -> &Me {
        &self.me
    }

    pub fn role(&self) -> Role {
        self.me.role
    }

    /// Who the audit log names for a change.
    pub fn actor(&self) -> &str {
        &self.me.email
    }

    /// Fails with `Forbidden` unless the role includes `needed`.
    pub fn require(&self, needed: Role) -> Result<(), ServiceError> {
        if self.me.role >= needed {
            Ok(())
        } else {
            Err(ServiceError::Forbidden)
        }
    }
}
