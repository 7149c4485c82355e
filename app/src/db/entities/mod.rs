//! sea-orm entities: the shape of the tables, no logic. See `migrations/` for the schema.

pub mod action_plan;
pub mod activity;
pub mod assignment;
pub mod assignment_comment;
pub mod audit_log;
pub mod council;
pub mod department;
pub mod economy_table;
pub mod focus_area;
pub mod focus_area_goal;
pub mod goal;
pub mod goal_level;
pub mod goal_link;
pub mod import_job;
pub mod indicator;
pub mod indicator_target;
pub mod indicator_value;
pub mod login_failure;
pub mod manual_verdict;
pub mod plan;
pub mod plan_version;
pub mod platform_admin;
pub mod session;
pub mod tenant;
pub mod user;
