//! A full-year forecast of a council (or one of its units) made at a month: its method
//! (`engine::economy::ForecastMethod`), the amount in kronor (exact decimal text), a
//! comment, who made it and when. Forecasts are kept; a newer one does not replace them.

use sea_orm::entity::prelude::*;

use crate::domain::UnitKind;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "economy_forecasts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub council_id: Uuid,
    pub year: i32,
    pub month: i16,
    pub unit_kind: UnitKind,
    pub unit: String,
    pub method: String,
    pub amount: String,
    #[sea_orm(column_type = "Text")]
    pub comment: String,
    pub made_by: String,
    pub made_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
