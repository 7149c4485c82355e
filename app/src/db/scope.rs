use uuid::Uuid;

/// The tenant a piece of code is allowed to read and write.
///
/// Every repository function for tenant-owned data takes a `TenantScope` first and filters
/// by it, so forgetting the tenant does not compile. A scope can only be made inside this
/// crate: from an authenticated session (`services::auth`) or for the operator's CLI
/// (`services::tenants::operator_scope`), never from a request body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TenantScope {
    tenant_id: Uuid,
}

impl TenantScope {
    pub(crate) fn new(tenant_id: Uuid) -> Self {
        Self { tenant_id }
    }

    pub fn tenant_id(&self) -> Uuid {
        self.tenant_id
    }
}
