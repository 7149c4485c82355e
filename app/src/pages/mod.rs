//! One module per screen.

mod assignment_edit;
mod economy;
mod fields;
mod follow_up;
mod follow_up_parts;
mod goal_edit;
mod goal_links;
mod goal_rule;
mod home;
mod indicator_edit;
mod indicator_new;
mod ledger_import;
mod login;
mod monthly;
mod not_found;
mod organisation;
mod outcome_import;
mod plan;
mod plan_decisions;
mod plan_sheet;
mod platform;
mod scenario;
mod structure;
mod users;
mod value_sheet;

pub use assignment_edit::{AssignmentPage, NewAssignmentPage};
pub use economy::EconomyPage;
pub use follow_up::FollowUpPage;
pub use goal_edit::{GoalEditPage, NewGoalPage};
pub use home::HomePage;
pub use indicator_edit::IndicatorEditPage;
pub use indicator_new::NewIndicatorPage;
pub use ledger_import::LedgerImportPage;
pub use login::LoginPage;
pub use monthly::MonthlyPage;
pub use not_found::NotFound;
pub use organisation::OrganisationPage;
pub use outcome_import::OutcomeImportPage;
pub use plan::PlanPage;
pub use plan_sheet::PlanSheetPage;
pub use platform::PlatformPage;
pub use scenario::ScenarioPage;
pub use structure::StructurePage;
pub use users::UsersPage;
pub use value_sheet::ValueSheetPage;

use leptos::prelude::*;
use leptos_router::components::Redirect;

use crate::i18n::{Msg, field_error, message, problem, t};
use crate::model::{AppError, Problem};

/// The view for a failed page load: the login page if signed out, else a message.
pub fn error_view(err: AppError) -> AnyView {
    match err {
        AppError::Unauthenticated => view! { <Redirect path="/login" /> }.into_any(),
        AppError::Forbidden => {
            view! { <p class="notice notice--error" role="alert">{t(Msg::Forbidden)}</p> }.into_any()
        }
        AppError::NotFound => view! { <p class="notice" role="alert">{t(Msg::NotFound)}</p> }.into_any(),
        _ => view! { <p class="notice notice--error" role="alert">{t(Msg::SomethingWentWrong)}</p> }.into_any(),
    }
}

/// The notice for a failed save: `conflict` explains a stale save (with the server's
/// detail below it), a rejected field is named, anything else is a general failure.
pub(crate) fn save_error(err: &AppError, conflict: Msg) -> AnyView {
    match err {
        AppError::Conflict(detail) => view! {
            <div class="notice notice--error" role="alert">
                <p>{t(conflict)}</p>
                <small>{message(detail.clone())}</small>
            </div>
        }
        .into_any(),
        AppError::Busy(why) => {
            view! { <p class="notice notice--error" role="alert">{message(why.clone())}</p> }.into_any()
        }
        AppError::Invalid { field, message } => {
            view! { <p class="notice notice--error" role="alert">{field_error(field.clone(), message.clone())}</p> }
                .into_any()
        }
        AppError::Rejected(problems) => problem_list(problems.clone()),
        _ => view! { <p class="notice notice--error" role="alert">{t(Msg::SomethingWentWrong)}</p> }.into_any(),
    }
}

/// The problems of a rejected save, each "where: what" in the page's language.
pub(crate) fn problem_list(problems: Vec<Problem>) -> AnyView {
    view! {
        <div class="notice notice--error" role="alert">
            <ul>{problems.into_iter().map(|p| view! { <li>{problem(p)}</li> }).collect_view()}</ul>
        </div>
    }
    .into_any()
}
