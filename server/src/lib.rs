//! The `malbild` server: configuration, the axum router (pages, server functions, REST API,
//! static assets), the middleware that resolves sessions and blocks cross-site requests,
//! and the command line.

pub mod cli;
pub mod config;
pub mod http;
pub mod middleware;
pub mod router;
