//! Names of routing tables, protocols, scopes, realms, dsfields and link
//! groups from /etc/iproute2 (lib/rt_names.c, 6.1.0). Owned by issue 6.
