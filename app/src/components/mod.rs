//! Reusable widgets.

pub mod chart;
pub mod header;
pub mod user_menu;
