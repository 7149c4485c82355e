//! Plain serde types that cross the wire between server and browser.
//! No logic beyond parsing and display; compiled into both the server and the wasm bundle.

mod assessment;
mod assignment_edit;
mod economy;
mod edit;
mod error;
mod follow_up;
mod goal_edit;
mod import;
mod ledger;
mod message;
mod organisation;
mod plan;
mod rule;
mod scenario;
mod structure;
mod values;

pub use assessment::*;
pub use assignment_edit::*;
pub use economy::*;
pub use edit::*;
pub use error::AppError;
pub use follow_up::*;
pub use goal_edit::*;
pub use import::*;
pub use ledger::*;
pub use message::{CodeChars, Known, Location, Message, Named, PeriodKind, Place, Problem, Thing, echo};
pub use organisation::*;
pub use plan::*;
pub use rule::*;
pub use scenario::*;
pub use structure::*;
pub use values::*;

/// A user's role is part of the typed domain shared with the database.
pub use crate::domain::Role;
use crate::domain::{CouncilId, DepartmentId, UserId};

use serde::{Deserialize, Serialize};

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
    pub id: DepartmentId,
    pub name: String,
}

/// A council (nämnd) with its office's departments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Council {
    pub id: CouncilId,
    pub slug: String,
    pub name: String,
    pub departments: Vec<Department>,
    /// Kommunfullmäktige: its plans hold the municipality's own goals.
    #[serde(default)]
    pub municipal: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct UserSummary {
    pub id: UserId,
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
