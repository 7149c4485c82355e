//! Uppdrag, nämndinitiativ and målaktiviteter as goal inputs: their follow-up (status and
//! forecast, 003) read as a traffic light.

use serde::{Deserialize, Serialize};

use super::verdict::Verdict;

/// *Ej påbörjad*, *Påbörjad*, *Slutförd*.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AssignmentStatus {
    NotStarted,
    Started,
    Completed,
}

/// *Enligt plan*, *Avvikelse från plan*.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AssignmentForecast {
    OnPlan,
    Deviation,
}

/// Completed is green whatever the forecast; otherwise "Enligt plan" is green, "Avvikelse från
/// plan" yellow (a minor deviation from plan, 004 Bilaga 1), and no forecast grey. Nothing
/// in the follow-up says "will not be done", so an assignment is never red by itself; a person
/// who thinks so gives a manual verdict on the goal.
pub fn assignment_verdict(status: AssignmentStatus, forecast: Option<AssignmentForecast>) -> Verdict {
    match (status, forecast) {
        (AssignmentStatus::Completed, _) => Verdict::Green,
        (_, Some(AssignmentForecast::OnPlan)) => Verdict::Green,
        (_, Some(AssignmentForecast::Deviation)) => Verdict::Yellow,
        (_, None) => Verdict::Grey,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follow_up_reads_as_a_traffic_light() {
        use AssignmentForecast::*;
        use AssignmentStatus::*;
        let cases = [
            (Completed, None, Verdict::Green),
            (Completed, Some(Deviation), Verdict::Green),
            (Started, Some(OnPlan), Verdict::Green),
            (NotStarted, Some(OnPlan), Verdict::Green),
            (Started, Some(Deviation), Verdict::Yellow),
            (Started, None, Verdict::Grey),
            (NotStarted, None, Verdict::Grey),
        ];
        for (status, forecast, want) in cases {
            assert_eq!(assignment_verdict(status, forecast), want, "{status:?} {forecast:?}");
        }
    }
}
