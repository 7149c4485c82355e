//! `footnotes` is a JSON array of strings.

use sea_orm::entity::prelude::*;

use crate::domain::{Better, IndicatorKind};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "indicators")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub plan_id: Uuid,
    pub goal_id: Uuid,
    pub position: i32,
    pub code: String,
    pub name: String,
    #[sea_orm(column_type = "Text")]
    pub definition: String,
    pub kind: IndicatorKind,
    pub unit: String,
    pub decimals: i32,
    pub direction: Better,
    /// `engine::Periodicity` as it writes itself (`half_year`): the engine has no database types.
    pub periodicity: String,
    pub cumulative: bool,
    pub department_id: Option<Uuid>,
    pub source: Option<String>,
    pub kolada: Option<String>,
    pub baseline_value: Option<String>,
    pub baseline_label: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub footnotes: String,
    pub revision: i32,
    /// The indicator's own method (JSON `engine::assess::Method`), else the tenant's.
    #[sea_orm(column_type = "Text", nullable)]
    pub method: Option<String>,
    /// Where its values come from the council's economy (`EconomySource`), else entry.
    pub economy: Option<String>,
}

impl Model {
    /// The `periodicity` column as the engine's type.
    pub fn periodicity(&self) -> Result<engine::Periodicity, engine::PeriodError> {
        self.periodicity.parse()
    }
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
