//! Plain serde types that cross the wire between server and browser.
//! No logic beyond parsing and display; compiled into both the server and the wasm bundle.

mod assessment;
mod assignment_edit;
mod edit;
mod error;
mod follow_up;
mod goal_edit;
mod import;
mod organisation;
mod plan;
mod structure;
mod values;

pub use assessment::*;
pub use assignment_edit::*;
pub use edit::*;
pub use error::AppError;
pub use follow_up::*;
pub use goal_edit::*;
pub use import::*;
pub use organisation::*;
pub use plan::*;
pub use structure::*;
pub use values::*;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// What a user may do within their tenant. Ordered: each role includes the ones before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Reads plans and follow-ups.
    Viewer,
    /// Enters outcomes, comments and forecasts.
    Editor,
    /// Configures the tenant: goal structures, users.
    Admin,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Viewer, Role::Editor, Role::Admin];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Viewer => "viewer",
            Role::Editor => "editor",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TenantSummary {
    pub slug: String,
    pub name: String,
}

/// The signed-in user, as `GET /api/v1/me` and the UI see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Me {
    pub email: String,
    pub name: String,
    pub role: Role,
    /// True for platform admins acting within this tenant.
    pub platform_admin: bool,
    pub tenant: TenantSummary,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Department {
    pub id: Uuid,
    pub name: String,
}

/// A council (nämnd) with its office's departments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Council {
    pub id: Uuid,
    pub slug: String,
    pub name: String,
    pub departments: Vec<Department>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct UserSummary {
    pub id: Uuid,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

/// Everything the tenant home page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TenantHome {
    pub tenant: TenantSummary,
    pub councils: Vec<Council>,
    /// Every plan of the tenant, newest first within each council.
    pub plans: Vec<PlanSummary>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_are_ordered_by_what_they_may_do() {
        assert!(Role::Viewer < Role::Editor && Role::Editor < Role::Admin);
    }

    #[test]
    fn role_names_roundtrip_and_reject_unknown() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("Admin"), None);
        assert_eq!(Role::parse("owner"), None);
    }
}
