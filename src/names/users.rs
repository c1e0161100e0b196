//! Users and groups by name or id, read from /etc/passwd and /etc/group
//! (`name:x:id:...`) instead of through getpwnam() and friends: through NSS
//! those may load modules (e.g. `passwd: files systemd`), which crashes a
//! statically linked rip. Only users and groups outside the files (LDAP,
//! systemd dynamic users) are then unknown to rip.

/// The first line of the colon-separated database `path` that `pick`
/// accepts, as (name, id).
fn find_in(path: &str, pick: impl Fn(&[u8], Option<u32>) -> bool) -> Option<(String, u32)> {
    let text = std::fs::read(path).ok()?;
    for line in text.split(|&c| c == b'\n') {
        let mut f = line.split(|&c| c == b':');
        let (Some(name), Some(_), Some(num)) = (f.next(), f.next(), f.next()) else { continue };
        let id = std::str::from_utf8(num).ok().and_then(|n| n.parse::<u32>().ok());
        if pick(name, id) {
            return Some((crate::args::bytes::escape(name).into_owned(), id?));
        }
    }
    None
}

/// getpwuid(uid)->pw_name.
pub fn user_name(uid: u32) -> Option<String> {
    find_in("/etc/passwd", |_, id| id == Some(uid)).map(|(n, _)| n)
}

/// getgrgid(gid)->gr_name.
pub fn group_name(gid: u32) -> Option<String> {
    find_in("/etc/group", |_, id| id == Some(gid)).map(|(n, _)| n)
}

/// getpwnam(name)->pw_uid.
pub fn user_id(name: &str) -> Option<u32> {
    find_in("/etc/passwd", |n, _| n == &*crate::args::bytes::unescape(name)).map(|(_, id)| id)
}

/// getgrnam(name)->gr_gid.
pub fn group_id(name: &str) -> Option<u32> {
    find_in("/etc/group", |n, _| n == &*crate::args::bytes::unescape(name)).map(|(_, id)| id)
}
