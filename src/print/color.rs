//! iproute2 6.1's colours (lib/color.c): off by default; `-c` alone is
//! "always"; never with JSON; the dark palette when COLORFGBG's last
//! `;`-field is one character 0-6 or 8.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Color {
    Ifname,
    Mac,
    Inet,
    Inet6,
    OperUp,
    OperDown,
    None,
}

impl Color {
    /// ifa_family_color(): addresses of IPv4 and IPv6 have their colours.
    pub fn of_family(af: u8) -> Color {
        match af {
            crate::netlink::consts::AF_INET => Color::Inet,
            crate::netlink::consts::AF_INET6 => Color::Inet6,
            _ => Color::None,
        }
    }
}

pub const CLEAR: &str = "\x1b[0m";

/// The escape that starts `c` in the light or dark palette.
pub fn code(c: Color, dark: bool) -> &'static str {
    match (c, dark) {
        (Color::Ifname, false) => "\x1b[36m",
        (Color::Mac, false) => "\x1b[33m",
        (Color::Inet, false) => "\x1b[35m",
        (Color::Inet6, false) => "\x1b[34m",
        (Color::OperUp, false) => "\x1b[32m",
        (Color::OperDown, false) => "\x1b[31m",
        (Color::Ifname, true) => "\x1b[1;36m",
        (Color::Mac, true) => "\x1b[1;33m",
        (Color::Inet, true) => "\x1b[1;35m",
        (Color::Inet6, true) => "\x1b[1;34m",
        (Color::OperUp, true) => "\x1b[1;32m",
        (Color::OperDown, true) => "\x1b[1;31m",
        (Color::None, _) => CLEAR,
    }
}

/// How `-color[=WHEN]` was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum When {
    #[default]
    Unset,
    Always,
    Auto,
    Never,
}

/// matches_color(): `-c`, `-color`, `-c=always|auto|never` (a prefix of
/// "-color" before the `=`). `None` when the word is not a colour option.
pub fn parse_color_opt(opt: &str) -> Option<When> {
    let (name, val) = match opt.find('=') {
        Some(i) => (&opt[..i], Some(&opt[i + 1..])),
        None => (opt, None),
    };
    if !crate::args::matches(name, "-color") {
        return None;
    }
    match val {
        None | Some("") | Some("always") => Some(When::Always),
        Some("auto") => Some(When::Auto),
        Some("never") => Some(When::Never),
        _ => None,
    }
}

/// check_enable_color(): whether colour is on, and whether dark.
pub fn enabled(when: When, json: bool) -> (bool, bool) {
    if json || when == When::Never || when == When::Unset {
        return (false, false);
    }
    let on = when == When::Always || crate::sys::stdout_is_tty();
    if !on {
        return (false, false);
    }
    (true, dark_background())
}

fn dark_background() -> bool {
    let Some(v) = std::env::var_os("COLORFGBG") else { return false };
    let v = v.to_string_lossy().into_owned();
    match v.rfind(';') {
        Some(i) => {
            let last = &v.as_bytes()[i + 1..];
            last.len() == 1 && (matches!(last[0], b'0'..=b'6') || last[0] == b'8')
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn color_options() {
        assert_eq!(parse_color_opt("-c"), Some(When::Always));
        assert_eq!(parse_color_opt("-col=never"), Some(When::Never));
        assert_eq!(parse_color_opt("-c=auto"), Some(When::Auto));
        assert_eq!(parse_color_opt("-c=foo"), None);
        assert_eq!(parse_color_opt("-cx"), None);
    }
}
