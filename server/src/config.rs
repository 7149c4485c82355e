//! Configuration from environment variables, with defaults that run the demo locally.
//! Every variable is listed in README.md, "Configuration".

use std::net::SocketAddr;

#[derive(Debug, Clone)]
pub struct Config {
    /// `DATABASE_URL`: `sqlite://path?mode=rwc` (default: `data/malbild.sqlite3`) or `postgres://…`.
    pub database_url: String,
    /// `MALBILD_ADDR`: where `serve` listens (default `127.0.0.1:3000`).
    pub addr: SocketAddr,
    /// `MALBILD_SITE_ROOT`: the built site with `pkg/` (default `target/site`).
    pub site_root: String,
    /// `MALBILD_ENV=production`: refuse to start with demo accounts present.
    pub production: bool,
    /// `MALBILD_PUBLIC_URL`: the URL users reach us at; `https://…` makes cookies `Secure`.
    pub public_url: Option<String>,
    /// `MALBILD_SESSION_HOURS`: how long a login lasts (default 12).
    pub session_hours: i64,
    /// `MALBILD_CLIENT_IP_HEADER`: set behind a reverse proxy, e.g. `x-forwarded-for`.
    pub client_ip_header: Option<http::HeaderName>,
    /// `MALBILD_DB_POOL_SIZE`: database connections (default: twice the cores, at least 4).
    pub db_pool_size: u32,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{var}: {message}")]
    Invalid { var: &'static str, message: String },
}

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/malbild.sqlite3?mode=rwc";

impl Config {
    pub fn from_env() -> Result<Config, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))
    }

    /// Reads settings through `lookup`, so tests need not touch the process environment.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        let addr = lookup("MALBILD_ADDR").unwrap_or_else(|| "127.0.0.1:3000".to_owned());
        let addr = addr.parse().map_err(|e| ConfigError::Invalid {
            var: "MALBILD_ADDR",
            message: format!("'{addr}' is not host:port ({e})"),
        })?;
        let session_hours = match lookup("MALBILD_SESSION_HOURS") {
            None => 12,
            Some(v) => match v.parse::<i64>() {
                Ok(h) if (1..=24 * 30).contains(&h) => h,
                _ => {
                    return Err(ConfigError::Invalid {
                        var: "MALBILD_SESSION_HOURS",
                        message: format!("'{v}' is not a whole number of hours between 1 and 720"),
                    });
                }
            },
        };
        let production = match lookup("MALBILD_ENV").as_deref() {
            None | Some("development") => false,
            Some("production") => true,
            Some(other) => {
                return Err(ConfigError::Invalid {
                    var: "MALBILD_ENV",
                    message: format!("'{other}' is neither 'production' nor 'development'"),
                });
            }
        };
        let client_ip_header = match lookup("MALBILD_CLIENT_IP_HEADER") {
            None => None,
            Some(v) => Some(
                http::HeaderName::try_from(v.as_str()).map_err(|_| ConfigError::Invalid {
                    var: "MALBILD_CLIENT_IP_HEADER",
                    message: format!("'{v}' is not an HTTP header name"),
                })?,
            ),
        };
        let db_pool_size = match lookup("MALBILD_DB_POOL_SIZE") {
            None => app::db::default_pool_size(),
            Some(v) => match v.parse::<u32>() {
                Ok(n) if (1..=1000).contains(&n) => n,
                _ => {
                    return Err(ConfigError::Invalid {
                        var: "MALBILD_DB_POOL_SIZE",
                        message: format!("'{v}' is not a whole number between 1 and 1000"),
                    });
                }
            },
        };
        Ok(Config {
            client_ip_header,
            db_pool_size,
            database_url: lookup("DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.to_owned()),
            addr,
            site_root: lookup("MALBILD_SITE_ROOT").unwrap_or_else(|| "target/site".to_owned()),
            production,
            public_url: lookup("MALBILD_PUBLIC_URL"),
            session_hours,
        })
    }

    pub fn settings(&self) -> app::state::Settings {
        app::state::Settings {
            session_ttl: chrono::Duration::hours(self.session_hours),
            https: self.public_url.as_deref().is_some_and(|u| u.starts_with("https://")),
            client_ip_header: self.client_ip_header.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        Config::from_lookup(|name| vars.iter().find(|(k, _)| *k == name).map(|(_, v)| (*v).to_owned()))
    }

    #[test]
    fn defaults_run_the_local_demo() {
        let c = config(&[]).expect("defaults are valid");
        assert_eq!(c.database_url, DEFAULT_DATABASE_URL);
        assert_eq!(c.addr.to_string(), "127.0.0.1:3000");
        assert_eq!(c.site_root, "target/site");
        assert!(!c.production);
        assert!(!c.settings().https);
    }

    #[test]
    fn https_public_url_makes_cookies_secure() {
        assert!(
            config(&[("MALBILD_PUBLIC_URL", "https://malbild.se")])
                .expect("valid")
                .settings()
                .https
        );
    }

    #[test]
    fn client_ip_comes_from_the_proxy_header_only_when_configured() {
        let peer: std::net::IpAddr = "10.0.0.1".parse().expect("ip");
        let mut headers = http::HeaderMap::new();
        headers.insert("x-forwarded-for", http::HeaderValue::from_static("6.6.6.6, 192.0.2.7"));
        assert_eq!(
            config(&[]).expect("valid").settings().client_ip(&headers, peer),
            "10.0.0.1"
        );
        let behind_proxy = config(&[("MALBILD_CLIENT_IP_HEADER", "X-Forwarded-For")])
            .expect("valid")
            .settings();
        assert_eq!(
            behind_proxy.client_ip(&headers, peer),
            "192.0.2.7",
            "the proxy-appended entry"
        );
        assert_eq!(behind_proxy.client_ip(&http::HeaderMap::new(), peer), "10.0.0.1");
    }

    #[test]
    fn the_pool_is_sized_by_the_cores_unless_set() {
        assert_eq!(config(&[]).expect("valid").db_pool_size, app::db::default_pool_size());
        assert!(app::db::default_pool_size() >= 4);
        assert_eq!(
            config(&[("MALBILD_DB_POOL_SIZE", "12")]).expect("valid").db_pool_size,
            12
        );
    }

    #[test]
    fn bad_values_name_the_variable() {
        for (var, value) in [
            ("MALBILD_ADDR", "nonsense"),
            ("MALBILD_SESSION_HOURS", "0"),
            ("MALBILD_ENV", "prod"),
            ("MALBILD_DB_POOL_SIZE", "0"),
            ("MALBILD_DB_POOL_SIZE", "many"),
        ] {
            let err = config(&[(var, value)]).expect_err("invalid");
            assert!(err.to_string().starts_with(var), "{err}");
        }
    }
}
