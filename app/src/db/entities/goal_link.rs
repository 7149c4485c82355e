//! A goal contributing to a goal of a municipal plan; `kind` is `domain::Contribution`.

use sea_orm::entity::prelude::*;

use crate::domain::Contribution;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "goal_links")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub goal_id: Uuid,
    pub target_goal_id: Uuid,
    pub kind: Contribution,
    pub position: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
