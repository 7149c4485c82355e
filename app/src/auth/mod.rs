//! Authentication primitives: password hashing, session tokens, the session cookie.
//! Server-only (`ssr` feature). The login flow itself is in `services::auth`.

pub mod cookie;
pub mod password;
pub mod session_cache;
pub mod token;
