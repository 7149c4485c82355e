//! The typed domain shared by server and browser: the closed sets of words a plan is made
//! of (a plan's status, an indicator's kind, an uppdrag's forecast, a user's role, …).
//!
//! Each name is written once, in `domain_enum!`, and serves three readers: serde (the tenant
//! document, the REST API, server functions), the database (`sea_orm(string_value)`: stored
//! as text in the existing `varchar` columns) and [`as_str`](PlanStatus::as_str) (HTML
//! attributes and form values in the browser, where neither serde_json nor sea-orm is at
//! hand); the tests below hold the three equal. The database derives are server-only (`ssr`).
//!
//! An indicator's periodicity is `engine::Periodicity`: the engine computes with it, has no
//! database types, and is not compiled into the browser, so it stays text in its column and
//! in the indicator form.
//!
//! [`ids`] holds the typed ids (`PlanId`, `IndicatorId`, …).

mod ids;

use serde::{Deserialize, Serialize};

pub use ids::*;

/// Declares a closed set of names: the enum with serde, and on the server the database
/// mapping (the `varchar` column's type as sea-orm writes it), each variant's name written
/// once. Also `ALL` variants in order, the name of each (`as_str`, also `Display`), and the
/// variant of a name (`parse`).
macro_rules! domain_enum {
    (
        $(#[doc = $doc:literal])*
        $ty:ident $(, [$($derive:ident),*])?: $db_type:literal {
            $($(#[doc = $vdoc:literal])* $variant:ident => $name:literal,)+
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize $($(, $derive)*)?)]
        #[cfg_attr(
            feature = "ssr",
            derive(sea_orm::DeriveActiveEnum, sea_orm::EnumIter, utoipa::ToSchema)
        )]
        #[cfg_attr(
            feature = "ssr",
            sea_orm(rs_type = "String", db_type = $db_type)
        )]
        pub enum $ty {
            $(
                $(#[doc = $vdoc])*
                #[serde(rename = $name)]
                #[cfg_attr(feature = "ssr", sea_orm(string_value = $name))]
                $variant,
            )+
        }

        impl $ty {
            pub const ALL: [$ty; [$($name),+].len()] = [$($ty::$variant),+];

            /// The name serde and the database use.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($ty::$variant => $name),+
                }
            }

            /// The variant of a name, exactly as [`as_str`](Self::as_str) writes it.
            pub fn parse(text: &str) -> Option<$ty> {
                $ty::ALL.into_iter().find(|v| v.as_str() == text)
            }
        }

        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

domain_enum! {
    /// A plan is drafted, then adopted by its council; a new draft starts from the adopted one.
    PlanStatus: "String(sea_orm::sea_query::StringLen::N(16))" {
        Draft => "draft",
        Adopted => "adopted",
    }
}

domain_enum! {
    /// Whose indicator it is: kommunfullmäktige's, the council's (nämnd) or the office's.
    IndicatorKind: "String(sea_orm::sea_query::StringLen::N(16))" {
        Kf => "kf",
        Namnd => "namnd",
        Kontoret => "kontoret",
    }
}

domain_enum! {
    /// Which side of a target is better.
    Better: "String(sea_orm::sea_query::StringLen::N(16))" {
        Higher => "higher",
        Lower => "lower",
        Band => "band",
    }
}

domain_enum! {
    /// What an indicator's value for a period is: a measured outcome or a forecast.
    ValueKind, [Hash, PartialOrd, Ord]: "String(sea_orm::sea_query::StringLen::N(8))" {
        Outcome => "outcome",
        Forecast => "forecast",
    }
}

domain_enum! {
    /// Totals and the split by gender, as Kolada reports them (T/K/M).
    Gender, [Hash, PartialOrd, Ord]: "String(sea_orm::sea_query::StringLen::N(1))" {
        Total => "T",
        Women => "K",
        Men => "M",
    }
}

domain_enum! {
    AssignmentKind: "String(sea_orm::sea_query::StringLen::N(16))" {
        /// From kommunfullmäktige.
        Uppdrag => "uppdrag",
        /// The council's own nämndinitiativ.
        Initiativ => "initiativ",
    }
}

domain_enum! {
    /// How far an uppdrag or initiativ has come: not started, started, completed.
    AssignmentStatus: "String(sea_orm::sea_query::StringLen::N(16))" {
        EjPaborjad => "ej_paborjad",
        Paborjad => "paborjad",
        Slutford => "slutford",
    }
}

domain_enum! {
    /// Whether an uppdrag or initiativ is expected to be done as planned.
    AssignmentForecast: "String(sea_orm::sea_query::StringLen::N(16))" {
        EnligtPlan => "enligt_plan",
        Avvikelse => "avvikelse",
    }
}

domain_enum! {
    /// How goals of one level are numbered when an admin adds one.
    Numbering: "String(sea_orm::sea_query::StringLen::N(16))" {
        /// 1, 2, 3 within the parent (or the plan).
        Sequence => "sequence",
        /// The parent's number, a point, then 1, 2, 3: 1.1, 1.2.
        Nested => "nested",
        /// A, B, C within the parent (or the plan).
        Letters => "letters",
        /// The parent's number, then A, B, C: 1A, 1B (lettered criteria under a goal).
        NumberLetter => "number_letter",
        None => "none",
    }
}

domain_enum! {
    /// What goals of a level may carry. Stored as a JSON array of these names (`carries`).
    Carry, [PartialOrd, Ord]: "String(sea_orm::sea_query::StringLen::N(16))" {
        Indicators => "indicators",
        Assignments => "assignments",
        Activities => "activities",
        FocusAreas => "focus_areas",
    }
}

domain_enum! {
    /// How an indicator is assessed (the kinds of `engine::assess::Method`, which the
    /// browser does not have).
    MethodKind: "String(sea_orm::sea_query::StringLen::N(16))" {
        /// The latest value against the year's target, yellow within the margin.
        Threshold => "threshold",
        /// On pace towards the year's target.
        Pace => "pace",
        /// Against the previous value.
        Directional => "directional",
        /// Only a person's verdict counts.
        Manual => "manual",
    }
}

domain_enum! {
    /// What a method's margin is counted in: percent of the target, or the indicator's unit.
    MarginUnit: "String(sea_orm::sea_query::StringLen::N(16))" {
        Percent => "percent",
        Absolute => "absolute",
    }
}

domain_enum! {
    /// How a goal's verdict follows from its inputs (the kinds of `engine::assess::Rule`,
    /// which the browser does not have).
    RuleKind: "String(sea_orm::sea_query::StringLen::N(16))" {
        /// At least a number or share of the inputs green.
        CountGreen => "count_green",
        /// The weighted mean of the inputs (green 1, yellow ½, red 0) against thresholds.
        Weighted => "weighted",
        /// Only a helhetsbedömning gives a verdict.
        Manual => "manual",
        /// Several rules that must all hold (edited in the tenant document).
        All => "all",
    }
}

domain_enum! {
    /// Whether a rule's quota of green inputs is a number of them or a percent of all.
    QuotaUnit: "String(sea_orm::sea_query::StringLen::N(16))" {
        Count => "count",
        Share => "share",
    }
}

domain_enum! {
    /// How a goal contributes to a goal of the municipality's plan.
    Contribution: "String(sea_orm::sea_query::StringLen::N(16))" {
        /// Its verdict counts in the municipality's goal's.
        Direct => "direct",
        /// Shown beside the municipality's goal, not counted.
        Indirect => "indirect",
    }
}

domain_enum! {
    /// What a user may do within their tenant. Ordered: each role includes the ones before it.
    Role, [PartialOrd, Ord, Hash]: "String(sea_orm::sea_query::StringLen::N(16))" {
        /// Reads plans and follow-ups.
        Viewer => "viewer",
        /// Enters outcomes, comments and forecasts.
        Editor => "editor",
        /// Configures the tenant: goal structures, users.
        Admin => "admin",
    }
}

domain_enum! {
    /// A traffic light: `green` (met, on plan), `yellow` (not yet met, minor deviation), `red`
    /// (not met and not expected to be), `grey` (not assessable). Stored for manual verdicts.
    Colour, [Hash]: "String(sea_orm::sea_query::StringLen::N(16))" {
        Green => "green",
        Yellow => "yellow",
        Red => "red",
        Grey => "grey",
    }
}

domain_enum! {
    /// Where an outcome import is. `Done` and `Failed` are final.
    ImportPhase: "String(sea_orm::sea_query::StringLen::N(16))" {
        /// Reading the file into rows.
        Reading => "reading",
        /// Checking every row; `done` of `total` rows checked.
        Checking => "checking",
        /// Writing; `done` of `total` rows written (all in one transaction).
        Writing => "writing",
        /// Everything written; see `summary`.
        Done => "done",
        /// Nothing written; see `problems`.
        Failed => "failed",
    }
}

domain_enum! {
    /// What a background import imports.
    ImportKind: "String(sea_orm::sea_query::StringLen::N(16))" {
        /// Indicators' outcomes and forecasts.
        Outcomes => "outcomes",
        /// Councils' monthly outcomes from the ledger (huvudbok).
        Ledger => "ledger",
    }
}

domain_enum! {
    /// Which side of the operating accounts an amount is on: income (account class 3) or
    /// costs (classes 4–7).
    LedgerClass, [Hash, PartialOrd, Ord]: "String(sea_orm::sea_query::StringLen::N(8))" {
        Income => "income",
        Cost => "cost",
    }
}

domain_enum! {
    /// What a ledger outcome or a forecast is of: the whole council, one of its departments
    /// (avdelning, verksamhetsområde) or one of its verksamheter.
    UnitKind, [Hash, PartialOrd, Ord]: "String(sea_orm::sea_query::StringLen::N(16))" {
        Council => "council",
        Department => "department",
        Activity => "activity",
    }
}

domain_enum! {
    /// How a ledger file signs its amounts.
    LedgerSigns: "String(sea_orm::sea_query::StringLen::N(8))" {
        /// As booked: debit (costs) positive, credit (income) negative; turned for reports.
        Ledger => "ledger",
        /// As reports print them: income positive, costs negative.
        Report => "report",
    }
}

// The enum is declared by `domain_enum!`, which takes no `#[default]`.
#[allow(clippy::derivable_impls)]
impl Default for LedgerSigns {
    fn default() -> Self {
        LedgerSigns::Ledger
    }
}

impl ImportPhase {
    pub fn is_final(self) -> bool {
        matches!(self, ImportPhase::Done | ImportPhase::Failed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_are_ordered_by_what_they_may_do() {
        assert!(Role::Viewer < Role::Editor && Role::Editor < Role::Admin);
    }

    #[test]
    fn unknown_names_and_other_spellings_are_rejected() {
        assert_eq!(Role::parse("Admin"), None);
        assert_eq!(Role::parse("owner"), None);
        assert_eq!(PlanStatus::parse("Adopted"), None);
        assert_eq!(Gender::parse("Total"), None);
        assert_eq!(Colour::parse("blue"), None);
    }
}

/// Every variant's serde name is its database value and its `as_str`, and each of the three
/// reads back as the variant.
#[cfg(all(test, feature = "ssr"))]
mod names_agree {
    use std::fmt::Debug;

    use sea_orm::{ActiveEnum, Iterable};
    use serde::de::DeserializeOwned;

    use super::*;

    fn check<E>(all: &[E], as_str: fn(E) -> &'static str, parse: fn(&str) -> Option<E>)
    where
        E: ActiveEnum<Value = String> + Iterable + Serialize + DeserializeOwned + Copy + PartialEq + Debug,
    {
        assert_eq!(E::iter().collect::<Vec<_>>(), all, "ALL lists every variant in order");
        for &variant in all {
            let stored = variant.to_value();
            let serialised = serde_json::to_value(variant).expect("serialises");
            assert_eq!(serialised, serde_json::Value::String(stored.clone()), "{variant:?}");
            assert_eq!(as_str(variant), stored, "{variant:?}");
            assert_eq!(E::try_from_value(&stored).ok(), Some(variant), "{variant:?}");
            assert_eq!(
                serde_json::from_value::<E>(serialised).ok(),
                Some(variant),
                "{variant:?}"
            );
            assert_eq!(parse(&stored), Some(variant), "{variant:?}");
        }
    }

    #[test]
    fn serde_database_and_display_names_are_one() {
        let checks: [fn(); 22] = [
            || check(&LedgerSigns::ALL, LedgerSigns::as_str, LedgerSigns::parse),
            || check(&ImportPhase::ALL, ImportPhase::as_str, ImportPhase::parse),
            || check(&ImportKind::ALL, ImportKind::as_str, ImportKind::parse),
            || check(&LedgerClass::ALL, LedgerClass::as_str, LedgerClass::parse),
            || check(&UnitKind::ALL, UnitKind::as_str, UnitKind::parse),
            || check(&PlanStatus::ALL, PlanStatus::as_str, PlanStatus::parse),
            || check(&IndicatorKind::ALL, IndicatorKind::as_str, IndicatorKind::parse),
            || check(&Better::ALL, Better::as_str, Better::parse),
            || check(&ValueKind::ALL, ValueKind::as_str, ValueKind::parse),
            || check(&Gender::ALL, Gender::as_str, Gender::parse),
            || check(&AssignmentKind::ALL, AssignmentKind::as_str, AssignmentKind::parse),
            || {
                check(
                    &AssignmentStatus::ALL,
                    AssignmentStatus::as_str,
                    AssignmentStatus::parse,
                )
            },
            || {
                check(
                    &AssignmentForecast::ALL,
                    AssignmentForecast::as_str,
                    AssignmentForecast::parse,
                )
            },
            || check(&Numbering::ALL, Numbering::as_str, Numbering::parse),
            || check(&Carry::ALL, Carry::as_str, Carry::parse),
            || check(&Role::ALL, Role::as_str, Role::parse),
            || check(&Colour::ALL, Colour::as_str, Colour::parse),
            || check(&MethodKind::ALL, MethodKind::as_str, MethodKind::parse),
            || check(&MarginUnit::ALL, MarginUnit::as_str, MarginUnit::parse),
            || check(&RuleKind::ALL, RuleKind::as_str, RuleKind::parse),
            || check(&QuotaUnit::ALL, QuotaUnit::as_str, QuotaUnit::parse),
            || check(&Contribution::ALL, Contribution::as_str, Contribution::parse),
        ];
        for check in checks {
            check();
        }
    }

    /// The names as the tenant document and the REST API have always written them.
    #[test]
    fn names_are_the_documented_ones() {
        let written: [(&str, serde_json::Value); 8] = [
            ("adopted", serde_json::to_value(PlanStatus::Adopted).expect("json")),
            (
                "half_year",
                serde_json::to_value(engine::Periodicity::HalfYear).expect("json"),
            ),
            (
                "enligt_plan",
                serde_json::to_value(AssignmentForecast::EnligtPlan).expect("json"),
            ),
            (
                "ej_paborjad",
                serde_json::to_value(AssignmentStatus::EjPaborjad).expect("json"),
            ),
            ("K", serde_json::to_value(Gender::Women).expect("json")),
            ("focus_areas", serde_json::to_value(Carry::FocusAreas).expect("json")),
            ("namnd", serde_json::to_value(IndicatorKind::Namnd).expect("json")),
            ("viewer", serde_json::to_value(Role::Viewer).expect("json")),
        ];
        for (name, value) in written {
            assert_eq!(value, serde_json::Value::String(name.to_owned()));
        }
    }
}
