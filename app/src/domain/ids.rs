//! Ids that say what they identify: a `PlanId` cannot be passed where an `IndicatorId` is
//! wanted. Each wraps the row's UUID and crosses the wire as that UUID (serde transparent);
//! on the server it converts into a database value, so a query filters by it directly.
//! Entities keep plain `Uuid` columns: they are the tables' shapes.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

macro_rules! id_types {
    ($($(#[doc = $doc:literal])* $name:ident;)+) => {$(
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        #[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
        pub struct $name(Uuid);

        impl $name {
            /// A new id, ordered by creation time (UUID v7).
            #[cfg(feature = "ssr")]
            pub fn generate() -> Self {
                Self(Uuid::now_v7())
            }

            pub const fn from_uuid(id: Uuid) -> Self {
                Self(id)
            }

            pub const fn uuid(self) -> Uuid {
                self.0
            }
        }

        impl From<$name> for Uuid {
            fn from(id: $name) -> Uuid {
                id.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = uuid::Error;

            fn from_str(text: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(text).map(Self)
            }
        }

        #[cfg(feature = "ssr")]
        impl From<$name> for sea_orm::Value {
            fn from(id: $name) -> sea_orm::Value {
                sea_orm::Value::Uuid(Some(Box::new(id.0)))
            }
        }
    )+};
}

id_types! {
    /// A plan (verksamhetsplan) of a council.
    PlanId;
    /// A goal in a plan's goal tree.
    GoalId;
    /// An indicator of a plan.
    IndicatorId;
    /// An uppdrag or initiativ of a plan.
    AssignmentId;
    /// A council (nämnd).
    CouncilId;
    /// A department of a council.
    DepartmentId;
    /// A level of the tenant's goal structure.
    LevelId;
    /// An outcome import running in the background.
    ImportJobId;
    /// A user of a tenant.
    UserId;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_crosses_the_wire_as_its_uuid() {
        let uuid = Uuid::parse_str("0193a5b0-7c3e-7000-8000-000000000001").expect("uuid");
        let id = PlanId::from_uuid(uuid);
        assert_eq!(serde_json::to_string(&id).expect("json"), format!("\"{uuid}\""));
        assert_eq!(serde_json::from_str::<PlanId>(&format!("\"{uuid}\"")).expect("id"), id);
        assert_eq!(id.to_string().parse::<PlanId>().expect("parses"), id);
        assert!("not-a-uuid".parse::<PlanId>().is_err());
    }
}
