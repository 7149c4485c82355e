//! Read models kept in memory while the tenant's data is unchanged: the tenant home's
//! councils and plans, each council page's plan view, and each plan's assessment inputs. Every write to a tenant's
//! configuration or plan data bumps `tenants.data_version` in its transaction
//! ([`crate::db::repo::tenants::touch`]); a reader fetches that one number and rebuilds
//! only if the model was built at another version. So the cache is never stale, on any
//! instance, and a page costs one small query instead of a dozen.

use std::future::Future;
use std::hash::Hash;
use std::sync::Arc;

use uuid::Uuid;

use super::ServiceError;
use super::assessment::PlanInputs;
use crate::model::{Council, PlanSummary, PlanView};

type Versioned<T> = Arc<(i64, T)>;

/// What the tenant home shows besides the tenant: councils with departments, plans.
pub type HomeParts = (Vec<Council>, Vec<PlanSummary>);

#[derive(Clone)]
pub struct ReadCache {
    homes: moka::sync::Cache<Uuid, Versioned<HomeParts>>,
    plans: moka::sync::Cache<(Uuid, Uuid), Versioned<PlanView>>,
    inputs: moka::sync::Cache<(Uuid, Uuid), Versioned<PlanInputs>>,
}

impl ReadCache {
    pub fn new() -> Self {
        Self {
            homes: moka::sync::Cache::new(10_000),
            plans: moka::sync::Cache::new(10_000),
            inputs: moka::sync::Cache::new(10_000),
        }
    }

    /// A tenant's councils and plan summaries at `version`.
    pub async fn home<F, Fut>(&self, tenant: Uuid, version: i64, build: F) -> Result<Versioned<HomeParts>, ServiceError>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<HomeParts, ServiceError>>,
    {
        cached(&self.homes, tenant, version, build).await
    }

    /// A plan's view (without the reader's rights) at `version`.
    pub async fn plan<F, Fut>(
        &self,
        tenant: Uuid,
        plan: Uuid,
        version: i64,
        build: F,
    ) -> Result<Versioned<PlanView>, ServiceError>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<PlanView, ServiceError>>,
    {
        cached(&self.plans, (tenant, plan), version, build).await
    }

    /// What a plan's verdicts are computed from at `version`.
    pub async fn plan_inputs<F, Fut>(
        &self,
        tenant: Uuid,
        plan: Uuid,
        version: i64,
        build: F,
    ) -> Result<Versioned<PlanInputs>, ServiceError>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<PlanInputs, ServiceError>>,
    {
        cached(&self.inputs, (tenant, plan), version, build).await
    }
}

impl Default for ReadCache {
    fn default() -> Self {
        Self::new()
    }
}

async fn cached<K, T, F, Fut>(
    cache: &moka::sync::Cache<K, Versioned<T>>,
    key: K,
    version: i64,
    build: F,
) -> Result<Versioned<T>, ServiceError>
where
    K: Hash + Eq + Send + Sync + 'static,
    T: Send + Sync + 'static,
    F: FnOnce() -> Fut,
    Fut: Future<Output = Result<T, ServiceError>>,
{
    if let Some(hit) = cache.get(&key)
        && hit.0 == version
    {
        return Ok(hit);
    }
    // Read after the version: a model labelled `version` holds that version's data or newer.
    let built = Arc::new((version, build().await?));
    cache.insert(key, built.clone());
    Ok(built)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_model_is_rebuilt_only_when_the_version_moves() {
        let cache = ReadCache::new();
        let tenant = Uuid::now_v7();
        let builds = std::sync::atomic::AtomicUsize::new(0);
        let build = |name: &'static str| {
            let builds = &builds;
            move || async move {
                builds.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                Ok((
                    vec![],
                    vec![PlanSummary {
                        id: Uuid::nil(),
                        council_slug: String::new(),
                        council_name: String::new(),
                        name: name.to_owned(),
                        first_year: 2026,
                        last_year: 2026,
                        status: crate::domain::PlanStatus::Draft,
                        version: 1,
                        revision: 1,
                    }],
                ))
            }
        };
        let first = cache.home(tenant, 1, build("a")).await.expect("built");
        let again = cache.home(tenant, 1, build("b")).await.expect("cached");
        assert_eq!(again.1.1[0].name, "a");
        assert!(Arc::ptr_eq(&first, &again));
        let moved = cache.home(tenant, 2, build("c")).await.expect("rebuilt");
        assert_eq!(moved.1.1[0].name, "c");
        assert_eq!(builds.load(std::sync::atomic::Ordering::SeqCst), 2);
        let other = cache.home(Uuid::now_v7(), 2, build("d")).await.expect("own entry");
        assert_eq!(other.1.1[0].name, "d", "tenants do not share entries");
    }
}
