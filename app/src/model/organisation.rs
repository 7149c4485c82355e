//! The tenant's organisation as its admins edit it: the vision and values texts, the
//! councils with their office's departments, and new plans for a council.

use serde::{Deserialize, Serialize};

use super::HistoryEntry;

use crate::domain::{CouncilId, DepartmentId};

/// The tenant's vision and values: they belong to the municipality, not to one plan.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TenantTextsForm {
    pub revision: i32,
    /// E.g. `Vision 2040`.
    pub vision_title: String,
    pub vision: String,
    pub values: String,
}

/// A department of a council's office. A new one has no `id`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DepartmentForm {
    pub id: Option<DepartmentId>,
    pub name: String,
    /// Indicators, uppdrag and activities it is responsible for (it cannot go while used).
    pub in_use: u32,
}

/// A council (nämnd). A new one has no `id`; its slug is made from the name when empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouncilForm {
    pub id: Option<CouncilId>,
    pub revision: i32,
    pub name: String,
    /// Fixed once the council exists (it is in addresses and the API).
    pub slug: String,
    /// Departments in display order.
    pub departments: Vec<DepartmentForm>,
    /// Its plans (a council with plans cannot be removed).
    pub plans: u32,
    /// Kommunfullmäktige: its plans hold the municipality's own goals. Fixed once the
    /// council exists.
    #[serde(default)]
    pub municipal: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationView {
    pub texts: TenantTextsForm,
    pub councils: Vec<CouncilForm>,
    pub history: Vec<HistoryEntry>,
}

/// A new plan (verksamhetsplan) for a council: it starts as an empty draft.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewPlanForm {
    pub council_id: Option<CouncilId>,
    /// E.g. `Verksamhetsplan 2027–2029`.
    pub name: String,
    pub first_year: i32,
    pub last_year: i32,
    /// Its type as the tenant names it; empty for none.
    #[serde(default)]
    pub kind: String,
}

/// A user an admin adds to the tenant, with a first password to hand over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewUserForm {
    pub email: String,
    pub name: String,
    pub role: super::Role,
    pub password: String,
}

impl Default for NewUserForm {
    fn default() -> Self {
        Self {
            email: String::new(),
            name: String::new(),
            role: super::Role::Viewer,
            password: String::new(),
        }
    }
}

/// A new municipality (platform admins): the tenant and its first admin.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewTenantForm {
    /// E.g. `Sigtuna kommun`.
    pub name: String,
    /// Made from the name when empty.
    pub slug: String,
    pub admin: NewUserForm,
}
