//! `malbild export` and `malbild import`: a tenant's whole configuration and data as the
//! versioned JSON tenant document (docs/EXPORT_FORMAT.md).

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;

use super::{connect, explain};
use crate::config::Config;

/// Writes the tenant document to `output`, or to standard output.
pub async fn export(config: &Config, tenant: &str, output: Option<PathBuf>) -> anyhow::Result<()> {
    let db = connect(config).await?;
    let document = app::services::tenant_document::export_tenant(&db, tenant)
        .await
        .map_err(explain)
        .with_context(|| format!("exporting tenant \"{tenant}\""))?;
    let mut json = serde_json::to_string_pretty(&document)?;
    json.push('\n');
    match output {
        Some(path) => std::fs::write(&path, json).with_context(|| format!("writing {}", path.display()))?,
        None => std::io::stdout().lock().write_all(json.as_bytes())?,
    }
    Ok(())
}

/// Prints a month's verdicts as JSON.
pub async fn assess(config: &Config, tenant: &str, council: Option<&str>, period: &str) -> anyhow::Result<()> {
    let db = connect(config).await?;
    let scope = app::services::tenants::operator_scope(&db, tenant)
        .await
        .with_context(|| format!("no tenant \"{tenant}\""))?;
    let cache = app::services::versioned_cache::VersionedCache::new(100);
    let verdicts =
        app::services::assessment::assess(&db, &cache, scope, council, period, app::i18n::Locale::Sv.language())
            .await
            .map_err(explain)
            .with_context(|| format!("assessing {tenant} at {period}"))?;
    let mut json = serde_json::to_string_pretty(&verdicts)?;
    json.push('\n');
    std::io::stdout().lock().write_all(json.as_bytes())?;
    Ok(())
}

/// Prints a council's economy for a year as JSON.
pub async fn budget(config: &Config, tenant: &str, council: &str, year: i32, month: Option<u8>) -> anyhow::Result<()> {
    let db = connect(config).await?;
    let scope = app::services::tenants::operator_scope(&db, tenant)
        .await
        .with_context(|| format!("no tenant \"{tenant}\""))?;
    let economy = app::services::economy::council_year(&db, scope, council, year, month)
        .await
        .map_err(explain)
        .with_context(|| format!("reading {council}'s economy for {year}"))?;
    let mut json = serde_json::to_string_pretty(&economy)?;
    json.push('\n');
    std::io::stdout().lock().write_all(json.as_bytes())?;
    Ok(())
}

/// Loads a tenant document into a new or empty tenant, all or nothing.
pub async fn import(config: &Config, file: &Path, as_slug: Option<&str>) -> anyhow::Result<()> {
    let text = std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
    let document: app::exchange::document::TenantDocument =
        serde_json::from_str(&text).with_context(|| format!("{} is not a Målbild tenant document", file.display()))?;
    let db = connect(config).await?;
    let summary = app::services::tenant_document::import_document(&db, document, as_slug, "cli")
        .await
        .map_err(explain)
        .with_context(|| format!("importing {}", file.display()))?;
    println!(
        "imported {} plans, {} goals, {} indicators, {} values, {} uppdrag/initiativ",
        summary.plans, summary.goals, summary.indicators, summary.values, summary.assignments
    );
    Ok(())
}

/// `malbild outcomes import --tenant SLUG FILE`: the same check-everything-then-write as
/// the browser's import, with progress on standard error.
pub async fn import_outcomes(config: &Config, tenant: &str, file: &Path) -> anyhow::Result<()> {
    use app::services::outcomes::{FileFormat, import};
    let name = file.to_string_lossy();
    let format = FileFormat::from_name(&name).with_context(|| format!("{name}: expected a .csv or .xlsx file"))?;
    let bytes = std::fs::read(file).with_context(|| format!("reading {name}"))?;
    let db = connect(config).await?;
    let scope = app::services::tenants::operator_scope(&db, tenant)
        .await
        .map_err(explain)
        .with_context(|| format!("tenant \"{tenant}\""))?;
    let summary = import(&db, scope, "cli", bytes, format, super::progress("rows"))
        .await
        .map_err(explain)
        .with_context(|| format!("importing {name}"))?;
    eprintln!();
    println!(
        "{} rows: {} new, {} changed, {} unchanged",
        summary.rows, summary.inserted, summary.updated, summary.unchanged
    );
    Ok(())
}
