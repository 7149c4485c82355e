use clap::Subcommand;

use crate::config::Config;

#[derive(Debug, Subcommand)]
pub enum TenantCommand {
    /// Add a tenant (municipality).
    Add {
        /// URL name, e.g. `norrtalje`.
        #[arg(long)]
        slug: String,
        /// Display name, e.g. "Norrtälje kommun".
        #[arg(long)]
        name: String,
    },
}

pub async fn run(config: &Config, cmd: TenantCommand) -> anyhow::Result<()> {
    let db = super::connect(config).await?;
    match cmd {
        TenantCommand::Add { slug, name } => {
            app::services::tenants::create(&db, &slug, &name, "cli").await?;
            println!("tenant {slug} added");
        }
    }
    Ok(())
}
