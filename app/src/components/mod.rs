//! Reusable widgets.

pub mod chart;
pub mod header;
pub mod upload;
pub mod user_menu;
