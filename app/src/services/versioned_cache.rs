//! Read models kept in memory while the tenant's data is unchanged. Every write to a
//! tenant's configuration or plan data bumps `tenants.data_version` in its transaction
//! ([`crate::db::repo::tenants::touch`]); a reader fetches that one number and rebuilds
//! only if the model was built at another version. So a cache is never stale, on any
//! instance, and a page costs one small query instead of a dozen.
//!
//! One generic [`VersionedCache`]; each service that keeps a read model owns its own
//! (`tenants::HomeCache`, `plans::ViewCache`, `assessment::InputsCache`), and the
//! server's state holds one of each.

use std::future::Future;
use std::hash::Hash;
use std::sync::Arc;

use sea_orm::ConnectionTrait;

use super::ServiceError;
use crate::db::TenantScope;
use crate::db::repo::tenants;

/// A model and the data version it was built at.
pub type Versioned<T> = Arc<(i64, T)>;

/// Models of type `V` by key `K`, each labelled with the tenant data version it shows.
pub struct VersionedCache<K, V> {
    entries: moka::sync::Cache<K, Versioned<V>>,
}

impl<K, V> Clone for VersionedCache<K, V> {
    fn clone(&self) -> Self {
        Self {
            entries: self.entries.clone(),
        }
    }
}

impl<K, V> VersionedCache<K, V>
where
    K: Hash + Eq + Send + Sync + 'static,
    V: Send + Sync + 'static,
{
    /// Keeps at most `capacity` models (least recently used go first).
    pub fn new(capacity: u64) -> Self {
        Self {
            entries: moka::sync::Cache::new(capacity),
        }
    }

    /// The model for `key` at the tenant's current data version: one small query when
    /// cached, else built by `build`.
    pub async fn current<F, Fut>(
        &self,
        db: &impl ConnectionTrait,
        scope: TenantScope,
        key: K,
        build: F,
    ) -> Result<Versioned<V>, ServiceError>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<V, ServiceError>>,
    {
        let version = tenants::data_version(db, scope).await?;
        self.at(key, version, build).await
    }

    /// The model for `key` at `version`, built by `build` unless cached at that version.
    /// Keys must include the tenant: versions of different tenants are unrelated.
    pub async fn at<F, Fut>(&self, key: K, version: i64, build: F) -> Result<Versioned<V>, ServiceError>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<V, ServiceError>>,
    {
        if let Some(hit) = self.entries.get(&key)
            && hit.0 == version
        {
            return Ok(hit);
        }
        // Read after the version: a model labelled `version` holds that version's data or newer.
        let built = Arc::new((version, build().await?));
        self.entries.insert(key, built.clone());
        Ok(built)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use uuid::Uuid;

    use super::*;

    #[tokio::test]
    async fn a_model_is_rebuilt_only_when_the_version_moves() {
        let cache: VersionedCache<Uuid, String> = VersionedCache::new(100);
        let tenant = Uuid::now_v7();
        let builds = AtomicUsize::new(0);
        let build = |name: &'static str| {
            let builds = &builds;
            move || async move {
                builds.fetch_add(1, Ordering::SeqCst);
                Ok(name.to_owned())
            }
        };
        let first = cache.at(tenant, 1, build("a")).await.expect("built");
        let again = cache.at(tenant, 1, build("b")).await.expect("cached");
        assert_eq!(again.1, "a");
        assert!(Arc::ptr_eq(&first, &again));
        let moved = cache.at(tenant, 2, build("c")).await.expect("rebuilt");
        assert_eq!(moved.1, "c");
        assert_eq!(builds.load(Ordering::SeqCst), 2);
        let other = cache.at(Uuid::now_v7(), 2, build("d")).await.expect("own entry");
        assert_eq!(other.1, "d", "tenants do not share entries");
    }

    #[tokio::test]
    async fn a_failed_build_is_not_kept() {
        let cache: VersionedCache<u8, String> = VersionedCache::new(10);
        let failed = cache.at(1, 1, || async { Err(ServiceError::NotFound) }).await;
        assert!(matches!(failed, Err(ServiceError::NotFound)));
        let built = cache
            .at(1, 1, || async { Ok("built".to_owned()) })
            .await
            .expect("built");
        assert_eq!(built.1, "built");
    }
}
