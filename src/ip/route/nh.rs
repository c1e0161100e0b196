//! `nh_info` under `ip -d route` for routes with `nhid` (ip/ipnexthop.c
//! print_cache_nexthop_id): each nexthop id is fetched once with
//! RTM_GETNEXTHOP on a socket of its own (as iproute2's nh_cache_rth), so
//! it works in the middle of a route dump; the entry printer is shared
//! with `ip nexthop` (crate::nh::entry).

use super::env::Env;

/// print_cache_nexthop_id(fp, "\n\tnh_info ", "nh_info", id)
pub fn print_nh_info(e: &mut Env, id: u32) {
    let Some(m) = e.nh.get(id) else { return };
    let m = m.to_vec();
    // ipnh_cache_add() drops an entry ipnh_parse_nhmsg() refuses (its
    // complaint goes to stderr there).
    if let Err(msg) = crate::nh::entry::check(&m) {
        crate::error::eprint_raw(&msg);
        return;
    }
    e.p.fp("\n\tnh_info ");
    crate::nh::entry::print_entry(e, &m, Some("nh_info"), false);
}
