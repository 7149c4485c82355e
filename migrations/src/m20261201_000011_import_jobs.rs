//! `import_jobs`: outcome imports running in the background, kept in the database so that
//! any app instance behind a load balancer can answer a poll for a job another instance
//! runs. The instance running a job writes its phase and progress here (`updated_at` is
//! its heartbeat); the result is written when the import's own transaction has ended.
//! `summary` and `problems` are JSON text.

use sea_orm_migration::prelude::*;

use crate::tenant_owned::owned_table;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum ImportJobs {
    Table,
    FileName,
    Phase,
    Done,
    Total,
    Summary,
    Problems,
    StartedBy,
    StartedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use ImportJobs as J;
        manager
            .create_table(
                owned_table(J::Table)
                    .col(ColumnDef::new(J::FileName).string_len(255).not_null())
                    .col(ColumnDef::new(J::Phase).string_len(16).not_null())
                    .col(ColumnDef::new(J::Done).big_integer().not_null().default(0))
                    .col(ColumnDef::new(J::Total).big_integer().not_null().default(0))
                    .col(ColumnDef::new(J::Summary).text().null())
                    .col(ColumnDef::new(J::Problems).text().not_null())
                    .col(ColumnDef::new(J::StartedBy).string_len(320).not_null())
                    .col(ColumnDef::new(J::StartedAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(J::UpdatedAt).timestamp_with_time_zone().not_null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_import_jobs_started")
                    .table(J::Table)
                    .col(Alias::new("tenant_id"))
                    .col(J::StartedAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ImportJobs::Table).to_owned())
            .await
    }
}
