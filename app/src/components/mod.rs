//! Reusable widgets.

pub mod header;
pub mod user_menu;
