//! What truly differs between two runs of the same commands, and nothing
//! else: random (locally administered) MACs, EUI-64 link-local addresses
//! derived from them, bridge timers and address/route lifetimes.

use std::collections::HashMap;

fn is_hex(c: u8) -> bool {
    c.is_ascii_hexdigit()
}

/// Length of a MAC-like token (six groups of 1-2 hex digits) at `i`.
fn mac_at(b: &[u8], i: usize) -> Option<usize> {
    if i > 0 && (is_hex(b[i - 1]) || b[i - 1] == b':') {
        return None;
    }
    let mut j = i;
    for g in 0..6 {
        let s = j;
        while j < b.len() && is_hex(b[j]) && j - s < 2 {
            j += 1;
        }
        if j == s {
            return None;
        }
        if g < 5 {
            if j >= b.len() || b[j] != b':' {
                return None;
            }
            j += 1;
        }
    }
    if j < b.len() && (is_hex(b[j]) || b[j] == b':') {
        return None;
    }
    Some(j - i)
}

/// For `$` lines: MACs, link-locals, timers and lifetimes.
pub fn normalize(data: &[u8]) -> Vec<u8> {
    let out = normalize_with(data, true);
    dad_timing(&out)
}

/// For `?` lines (one state): only the countdowns that move between runs.
pub fn normalize_timers(data: &[u8]) -> Vec<u8> {
    normalize_with(data, false)
}

/// Whether a link-local address has finished DAD yet is timing: drop its
/// "tentative" flag and the local-table route that appears after DAD.
/// Likewise, a device that is up without carrier shows DOWN or
/// LOWERLAYERDOWN depending on when the kernel's deferred link-watch work
/// ran relative to its peer's move (seen with the reference in both twins).
fn dad_timing(data: &[u8]) -> Vec<u8> {
    let s = String::from_utf8_lossy(data);
    let mut out = String::with_capacity(s.len());
    for line in s.split_inclusive('\n') {
        if line.starts_with("local fe80::<EUI64>") {
            continue;
        }
        if line.contains("NO-CARRIER") && line.contains(" state LOWERLAYERDOWN ") {
            out.push_str(&line.replace(" state LOWERLAYERDOWN ", " state DOWN "));
            continue;
        }
        if line.contains("fe80::<EUI64>") {
            out.push_str(&line.replace(" tentative", ""));
        } else {
            out.push_str(line);
        }
    }
    out.into_bytes()
}

fn normalize_with(data: &[u8], macs: bool) -> Vec<u8> {
    let b = data;
    let mut out = Vec::with_capacity(b.len());
    let mut labels: HashMap<Vec<u8>, usize> = HashMap::new();
    let mut i = 0;
    while i < b.len() {
        if let Some(n) = if macs { mac_at(b, i) } else { None } {
            let tok = &b[i..i + n];
            let first = tok
                .iter()
                .take_while(|c| **c != b':')
                .fold(0u8, |a, c| a.wrapping_mul(16).wrapping_add((*c as char).to_digit(16).unwrap_or(0) as u8));
            if first & 0x02 != 0 {
                // Canonical form, so the padded and unpadded spellings share a label.
                let canon: Vec<u8> = tok
                    .split(|c| *c == b':')
                    .map(|g| format!("{:0>2}", String::from_utf8_lossy(g)))
                    .collect::<Vec<_>>()
                    .join(":")
                    .into_bytes();
                let next = labels.len() + 1;
                let l = *labels.entry(canon).or_insert(next);
                out.extend_from_slice(format!("<MAC{}>", l).as_bytes());
            } else {
                out.extend_from_slice(tok);
            }
            i += n;
            continue;
        }
        if macs && b[i..].starts_with(b"fe80::") {
            let mut j = i + 6;
            while j < b.len() && (is_hex(b[j]) || b[j] == b':') {
                j += 1;
            }
            let tok = &b[i..j];
            if tok.windows(5).any(|w| w == b"ff:fe") {
                out.extend_from_slice(b"fe80::<EUI64>");
                i = j;
                continue;
            }
        }
        // Timers and lifetimes: keep the word, mask the number after it.
        let masked = [
            &b"_timer\": "[..],
            b"_timer\":",
            b"_timer",
            b"valid_lft ",
            b"preferred_lft ",
            b"\"valid_life_time\": ",
            b"\"valid_life_time\":",
            b"\"preferred_life_time\": ",
            b"\"preferred_life_time\":",
            b"expires ",
            b"\"expires\": ",
            b"\"expires\":",
        ];
        let mut hit = None;
        for m in masked {
            if b[i..].starts_with(m) {
                hit = Some(m.len());
                break;
            }
        }
        if let Some(n) = hit {
            out.extend_from_slice(&b[i..i + n]);
            let mut j = i + n;
            while j < b.len() && b[j] == b' ' {
                j += 1;
            }
            let s = j;
            while j < b.len() && (b[j].is_ascii_digit() || b[j] == b'.') {
                j += 1;
            }
            let num = &b[s..j];
            if num.is_empty() || num == b"4294967295" {
                out.extend_from_slice(&b[i + n..j]);
            } else {
                out.extend_from_slice(b" <N>");
            }
            i = j;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    out
}
