use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "tenants")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub slug: String,
    pub name: String,
    pub created_at: DateTimeUtc,
    #[sea_orm(column_type = "Text", nullable)]
    pub vision_title: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub vision: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub values: Option<String>,
    /// Bumped by every write to the tenant's configuration or plan data.
    pub data_version: i64,
    /// Of the vision and values texts (optimistic locking).
    pub revision: i32,
    /// The default assessment method of indicators (JSON `engine::assess::Method`).
    #[sea_orm(column_type = "Text", nullable)]
    pub indicator_method: Option<String>,
    /// The unit money is shown in (`engine::economy::MoneyUnit`); `None`: tkr.
    pub money_unit: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
