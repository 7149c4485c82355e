//! Integration tests: the real router on a scratch database, called over HTTP, one module
//! per area. One binary, so one link (see docs/ARCHITECTURE.md, "Testing").

mod common;

mod access_matrix;
mod assessments;
mod assignment_edit;
mod auth_api;
mod bad_input;
mod cli;
mod distribution;
mod economy;
mod goal_edit;
mod hostile;
mod indicator_edit;
mod ledger;
mod manual_verdicts;
mod new_tenant_api;
mod organisation;
mod outcome_import_api;
mod outcomes_import;
mod pages;
mod plan_decisions;
mod plan_sheet;
mod plans_api;
mod plans_seed;
mod rule_previews;
mod rules;
mod services;
mod structure;
mod tenants_api;
mod value_entry;
