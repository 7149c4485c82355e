//! The words of the typed domain as people read them.

use super::Msg;
use crate::domain::{
    AssignmentForecast, AssignmentKind, AssignmentStatus, Better, Contribution, IndicatorKind, MarginUnit, MethodKind,
    PlanStatus, QuotaUnit, Role, RuleKind,
};

impl Msg {
    pub fn for_role(role: Role) -> Msg {
        match role {
            Role::Admin => Msg::RoleAdmin,
            Role::Editor => Msg::RoleEditor,
            Role::Viewer => Msg::RoleViewer,
        }
    }

    pub fn for_plan_status(status: PlanStatus) -> Msg {
        match status {
            PlanStatus::Draft => Msg::Draft,
            PlanStatus::Adopted => Msg::Adopted,
        }
    }

    pub fn for_indicator_kind(kind: IndicatorKind) -> Msg {
        match kind {
            IndicatorKind::Kf => Msg::KindKf,
            IndicatorKind::Namnd => Msg::KindNamnd,
            IndicatorKind::Kontoret => Msg::KindKontoret,
        }
    }

    pub fn for_method(method: Option<MethodKind>) -> Msg {
        match method {
            None => Msg::MethodDefault,
            Some(MethodKind::Threshold) => Msg::MethodThreshold,
            Some(MethodKind::Pace) => Msg::MethodPace,
            Some(MethodKind::Directional) => Msg::MethodDirectional,
            Some(MethodKind::Manual) => Msg::MethodManual,
        }
    }

    pub fn for_rule(rule: RuleKind) -> Msg {
        match rule {
            RuleKind::CountGreen => Msg::RuleCountGreen,
            RuleKind::Weighted => Msg::RuleWeighted,
            RuleKind::Manual => Msg::RuleManual,
            RuleKind::All => Msg::RuleAll,
        }
    }

    pub fn for_contribution(kind: Contribution) -> Msg {
        match kind {
            Contribution::Direct => Msg::ContributesDirectly,
            Contribution::Indirect => Msg::ContributesIndirectly,
        }
    }

    pub fn for_quota_unit(unit: QuotaUnit) -> Msg {
        match unit {
            QuotaUnit::Count => Msg::QuotaCount,
            QuotaUnit::Share => Msg::QuotaShare,
        }
    }

    pub fn for_margin_unit(unit: MarginUnit) -> Msg {
        match unit {
            MarginUnit::Percent => Msg::MarginPercent,
            MarginUnit::Absolute => Msg::MarginAbsolute,
        }
    }

    pub fn for_direction(better: Better) -> Msg {
        match better {
            Better::Higher => Msg::HigherBetter,
            Better::Lower => Msg::LowerBetter,
            Better::Band => Msg::Band,
        }
    }

    pub fn for_assignment_kind(kind: AssignmentKind) -> Msg {
        match kind {
            AssignmentKind::Uppdrag => Msg::Uppdrag,
            AssignmentKind::Initiativ => Msg::Initiativ,
        }
    }

    pub fn for_assignment_status(status: AssignmentStatus) -> Msg {
        match status {
            AssignmentStatus::EjPaborjad => Msg::NotStarted,
            AssignmentStatus::Paborjad => Msg::Started,
            AssignmentStatus::Slutford => Msg::Completed,
        }
    }

    pub fn for_assignment_forecast(forecast: AssignmentForecast) -> Msg {
        match forecast {
            AssignmentForecast::EnligtPlan => Msg::OnPlan,
            AssignmentForecast::Avvikelse => Msg::Deviation,
        }
    }
}
