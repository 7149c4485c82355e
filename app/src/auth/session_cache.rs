//! Resolved sessions kept in memory for a few seconds, so a page load does not look up the
//! session, tenant and user on every request (three queries, each a thread hand-off on
//! SQLite).
//!
//! The price: on *another* app instance, a logout, an expiry or a role change takes effect
//! up to [`SessionCache::TTL`] later. On the instance that handled the logout it is
//! immediate ([`SessionCache::forget`]).

use std::time::Duration;

use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;

use crate::services::ServiceError;
use crate::services::auth::{AuthContext, resolve_session, session_key};

#[derive(Clone)]
pub struct SessionCache(moka::sync::Cache<String, AuthContext>);

impl SessionCache {
    pub const TTL: Duration = Duration::from_secs(5);

    pub fn new() -> Self {
        Self(
            moka::sync::Cache::builder()
                .max_capacity(100_000)
                .time_to_live(Self::TTL)
                .build(),
        )
    }

    /// The signed-in user for a session cookie value: from memory if resolved within the
    /// last [`Self::TTL`], else from the database.
    pub async fn resolve(
        &self,
        db: &DatabaseConnection,
        cookie_value: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<AuthContext>, ServiceError> {
        let Some(key) = session_key(cookie_value) else {
            return Ok(None);
        };
        if let Some(hit) = self.0.get(&key) {
            return Ok(Some(hit));
        }
        let found = resolve_session(db, cookie_value, now).await?;
        if let Some(auth) = &found {
            self.0.insert(key, auth.clone());
        }
        Ok(found)
    }

    /// Drops a session at once (on logout).
    pub fn forget(&self, auth: &AuthContext) {
        self.0.invalidate(&auth.session_key());
    }
}

impl Default for SessionCache {
    fn default() -> Self {
        Self::new()
    }
}
