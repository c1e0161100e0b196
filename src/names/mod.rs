//! Numbers ↔ names: interface indexes (the ll_map cache) and iproute2's
//! name tables (protocols, scopes, realms, tables, groups, route types).

pub mod etc;
pub mod link;
pub mod ll_proto;
pub mod tables;
pub mod users;

pub use link::*;
