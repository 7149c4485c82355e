use sea_orm::entity::prelude::*;

use crate::domain::{AssignmentForecast, AssignmentKind, AssignmentStatus};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "assignments")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub plan_id: Uuid,
    pub goal_id: Option<Uuid>,
    pub position: i32,
    pub kind: AssignmentKind,
    pub title: String,
    pub department_id: Option<Uuid>,
    pub is_new: Option<bool>,
    pub end_date: Option<Date>,
    pub decision_body: Option<String>,
    pub status: Option<AssignmentStatus>,
    pub forecast: Option<AssignmentForecast>,
    pub revision: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
