//! Councils' monthly ledger outcomes and their saved forecasts.

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use crate::db::TenantScope;
use crate::db::entities::{economy_forecast, ledger_outcome};

/// The council's ledger outcomes of `years`.
pub async fn outcomes_of(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    council_id: Uuid,
    years: &[i32],
) -> Result<Vec<ledger_outcome::Model>, DbErr> {
    use ledger_outcome::Column as C;
    ledger_outcome::Entity::find()
        .filter(C::TenantId.eq(scope.tenant_id()))
        .filter(C::CouncilId.eq(council_id))
        .filter(C::Year.is_in(years.iter().copied()))
        .all(db)
        .await
}

/// The years the council has ledger outcomes for, newest first.
pub async fn years_of(db: &impl ConnectionTrait, scope: TenantScope, council_id: Uuid) -> Result<Vec<i32>, DbErr> {
    use ledger_outcome::Column as C;
    use sea_orm::QuerySelect;
    let mut years: Vec<i32> = ledger_outcome::Entity::find()
        .select_only()
        .column(C::Year)
        .distinct()
        .filter(C::TenantId.eq(scope.tenant_id()))
        .filter(C::CouncilId.eq(council_id))
        .into_tuple()
        .all(db)
        .await?;
    years.sort_unstable_by(|a, b| b.cmp(a));
    Ok(years)
}

/// The months of `year` the council has outcomes for.
pub async fn months_present(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    council_id: Uuid,
    year: i32,
) -> Result<Vec<i16>, DbErr> {
    use ledger_outcome::Column as C;
    use sea_orm::QuerySelect;
    ledger_outcome::Entity::find()
        .select_only()
        .column(C::Month)
        .distinct()
        .filter(C::TenantId.eq(scope.tenant_id()))
        .filter(C::CouncilId.eq(council_id))
        .filter(C::Year.eq(year))
        .into_tuple()
        .all(db)
        .await
}

/// Removes the council's outcomes of `months` of `year`.
pub async fn delete_months(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    council_id: Uuid,
    year: i32,
    months: Vec<i16>,
) -> Result<u64, DbErr> {
    use ledger_outcome::Column as C;
    let deleted = ledger_outcome::Entity::delete_many()
        .filter(C::TenantId.eq(scope.tenant_id()))
        .filter(C::CouncilId.eq(council_id))
        .filter(C::Year.eq(year))
        .filter(C::Month.is_in(months))
        .exec(db)
        .await?;
    Ok(deleted.rows_affected)
}

/// The council's forecasts for `year`, newest first.
pub async fn forecasts_of(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    council_id: Uuid,
    year: i32,
) -> Result<Vec<economy_forecast::Model>, DbErr> {
    use economy_forecast::Column as C;
    economy_forecast::Entity::find()
        .filter(C::TenantId.eq(scope.tenant_id()))
        .filter(C::CouncilId.eq(council_id))
        .filter(C::Year.eq(year))
        .order_by_desc(C::MadeAt)
        .order_by_desc(C::Id)
        .all(db)
        .await
}

/// The years the council has saved forecasts for.
pub async fn forecast_years(
    db: &impl ConnectionTrait,
    scope: TenantScope,
    council_id: Uuid,
) -> Result<Vec<i32>, DbErr> {
    use economy_forecast::Column as C;
    use sea_orm::QuerySelect;
    let mut years: Vec<i32> = economy_forecast::Entity::find()
        .select_only()
        .column(C::Year)
        .distinct()
        .filter(C::TenantId.eq(scope.tenant_id()))
        .filter(C::CouncilId.eq(council_id))
        .into_tuple()
        .all(db)
        .await?;
    years.sort_unstable();
    Ok(years)
}
