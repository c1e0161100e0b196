//! `type macsec` options and help (ip/ipmacsec.c macsec_parse_opt(),
//! 6.1.0). This kernel has no MACsec: a device can never be shown here, so
//! only the requests (checked against iproute2's bytes) and the text are
//! provided.

use super::Hooks;
use crate::args::keywords::{exact, kw, Table, Words};
use crate::args::parse_on_off;
use crate::args::Args;
use crate::ctx::Ctx;
use crate::error::{duparg, duparg2, invarg};
use crate::error::{eprint_raw, must_be_one_of, Res};
use crate::inet::lladdr::ll_addr_a2n;
use crate::netlink::Req;

const IFLA_MACSEC_SCI: u16 = 1;
const IFLA_MACSEC_PORT: u16 = 2;
const IFLA_MACSEC_ICV_LEN: u16 = 3;
const IFLA_MACSEC_CIPHER_SUITE: u16 = 4;
const IFLA_MACSEC_WINDOW: u16 = 5;
const IFLA_MACSEC_ENCODING_SA: u16 = 6;
const IFLA_MACSEC_ENCRYPT: u16 = 7;
const IFLA_MACSEC_PROTECT: u16 = 8;
const IFLA_MACSEC_INC_SCI: u16 = 9;
const IFLA_MACSEC_ES: u16 = 10;
const IFLA_MACSEC_SCB: u16 = 11;
const IFLA_MACSEC_REPLAY_PROTECT: u16 = 12;
const IFLA_MACSEC_VALIDATION: u16 = 13;
const IFLA_MACSEC_OFFLOAD: u16 = 15;

/// The values of `cipher`, each spelled in lower or upper case and
/// compared whole (strcmp); ids are the cipher suite ids sent.
pub static CIPHERS: Table<u64> = Table::new(
    "ip link type macsec cipher",
    &[
        exact("default", 0x0080_0200_0100_0001),
        exact("gcm-aes-128", 0x0080_C200_0100_0001),
        exact("GCM-AES-128", 0x0080_C200_0100_0001),
        exact("gcm-aes-256", 0x0080_C200_0100_0002),
        exact("GCM-AES-256", 0x0080_C200_0100_0002),
        exact("gcm-aes-xpn-128", 0x0080_C200_0100_0003),
        exact("GCM-AES-XPN-128", 0x0080_C200_0100_0003),
        exact("gcm-aes-xpn-256", 0x0080_C200_0100_0004),
        exact("GCM-AES-XPN-256", 0x0080_C200_0100_0004),
    ],
);

/// The values of `validate` (parse_one_of(): prefixes, in order); ids are
/// MACSEC_VALIDATE_*.
pub static VALIDATE: Table<u8> =
    Table::new("ip link type macsec validate", &[kw("disabled", 0), kw("check", 1), kw("strict", 2)]);

/// The values of `offload` (parse_one_of()); ids are MACSEC_OFFLOAD_*.
pub static OFFLOAD: Table<u8> = Table::new("ip link type macsec offload", &[kw("off", 0), kw("phy", 1), kw("mac", 2)]);

/// parse_one_of() over a table: its id, or None after the complaint.
fn one_of(key: &str, val: &str, t: &Table<u8>) -> Option<u8> {
    let id = t.find(val);
    if id.is_none() {
        eprint_raw(&must_be_one_of(key, val, &t.words()));
    }
    id
}

const HELP: &str = "Usage: ... macsec [ [ address <lladdr> ] port { 1..2^16-1 } | sci <u64> ]
                  [ cipher { default | gcm-aes-128 | gcm-aes-256 | gcm-aes-xpn-128 | gcm-aes-xpn-256 } ]
                  [ icvlen { 8..16 } ]
                  [ encrypt { on | off } ]
                  [ send_sci { on | off } ]
                  [ end_station { on | off } ]
                  [ scb { on | off } ]
                  [ protect { on | off } ]
                  [ replay { on | off} window { 0..2^32-1 } ]
                  [ validate { strict | check | disabled } ]
                  [ encodingsa { 0..3 } ]
                  [ offload { mac | phy | off } ]
";

pub fn help(_kind: &str, out: &mut dyn std::io::Write) {
    let _ = out.write_all(HELP.as_bytes());
}

/// macsec_parse_opt()'s words (all strcmp), each mapped to itself:
/// `sci`, `port` and `address` only lead (get_sci_portaddr()), the rest
/// follow in any order.
pub static OPTS: Table<&str> = Table::new(
    "ip link type macsec",
    &[
        exact("sci", "sci"),
        exact("port", "port"),
        exact("address", "address"),
        exact("cipher", "cipher"),
        exact("icvlen", "icvlen"),
        exact("encrypt", "encrypt"),
        exact("send_sci", "send_sci"),
        exact("end_station", "end_station"),
        exact("scb", "scb"),
        exact("protect", "protect"),
        exact("replay", "replay"),
        exact("window", "window"),
        exact("validate", "validate"),
        exact("encodingsa", "encodingsa"),
        exact("offload", "offload"),
    ],
);

/// get_sci_portaddr(.., port_only, optional): leading `sci X`, `port N`
/// and `address LLADDR` words. Returns (given, sci as sent, port).
fn sci_portaddr(args: &mut Args) -> Res<(bool, [u8; 8], [u8; 2])> {
    let (mut p, mut a, mut s) = (false, false, false);
    let mut sci = [0u8; 8];
    let mut port = [0u8; 2];
    let mut abuf = [0u8; 6];
    while let Some(w) = args.peek().map(str::to_string) {
        match OPTS.find(&w).unwrap_or_default() {
            "sci" => {
                if p {
                    return Err(invarg("expected address", &w));
                }
                if a {
                    return Err(invarg("expected port", &w));
                }
                args.advance();
                let v = args.value()?;
                // get_be64(.., 16)
                let n = crate::args::num::get_u64(&v, 16).ok_or_else(|| invarg("expected sci", &v))?;
                sci = n.to_be_bytes();
                s = true;
            }
            "port" => {
                args.advance();
                let v = args.value()?;
                let n = crate::args::num::get_u16(&v, 0).ok_or_else(|| invarg("expected port", &v))?;
                if n == 0 {
                    return Err(invarg("expected port != 0", &v));
                }
                port = n.to_be_bytes();
                p = true;
            }
            "address" => {
                args.advance();
                let v = args.value()?;
                match ll_addr_a2n(&v, 6) {
                    Ok(b) => {
                        for (d, x) in abuf.iter_mut().zip(b.iter()) {
                            *d = *x;
                        }
                    }
                    Err(()) => return Err(invarg("expected lladdr", crate::inet::lladdr::a2n_mangled(&v))),
                }
                a = true;
            }
            _ => break,
        }
        // sci_complete() with port_only
        if s || p {
            break;
        }
    }
    if p && a {
        sci[..6].copy_from_slice(&abuf);
        sci[6..].copy_from_slice(&port);
    }
    Ok((p || a || s, sci, port))
}

pub fn parse(_ctx: &mut Ctx, _kind: &str, args: &mut Args, req: &mut Req, _hooks: &Hooks) -> Res<i32> {
    let mut encoding_sa: u8 = 0xff;
    // u32::MAX doubles as "not given", as iproute2's (__u32)-1 does.
    let mut window: u32 = u32::MAX;
    let mut cipher_id: u64 = 0;
    let mut icv_len: u8 = 0;
    let (mut es, mut scb, mut send_sci) = (false, false, false);
    let mut replay: i32 = -1;

    let (given, sci, port) = sci_portaddr(args)?;
    if given {
        if sci != [0; 8] {
            req.attr(IFLA_MACSEC_SCI, &sci);
        } else {
            req.attr(IFLA_MACSEC_PORT, &port);
        }
    }
    while let Some(w) = args.next() {
        match OPTS.find(&w).unwrap_or_default() {
            "cipher" => {
                let v = args.value()?;
                if cipher_id != 0 {
                    return Err(duparg("cipher", &v));
                }
                match CIPHERS.find(&v) {
                    Some(id) => cipher_id = id,
                    None => {
                        return Err(invarg(
                            "expected: default, gcm-aes-128, gcm-aes-256, gcm-aes-xpn-128 or gcm-aes-xpn-256",
                            &v,
                        ))
                    }
                }
            }
            "icvlen" => {
                let v = args.value()?;
                if icv_len != 0 {
                    return Err(duparg("icvlen", &v));
                }
                let n = crate::args::num::get_u8(&v, 10).ok_or_else(|| invarg("expected ICV length", &v))?;
                if !(8..=16).contains(&n) {
                    return Err(invarg("ICV length must be in the range {8..16}", &v));
                }
                icv_len = n;
            }
            "encrypt" | "send_sci" | "end_station" | "scb" | "protect" | "replay" => {
                let v = args.value()?;
                let Some(on) = parse_on_off(&w, &v) else { return Ok(1) };
                match w.as_str() {
                    "encrypt" => req.attr_u8(IFLA_MACSEC_ENCRYPT, u8::from(on)),
                    "send_sci" => {
                        send_sci = on;
                        req.attr_u8(IFLA_MACSEC_INC_SCI, u8::from(on));
                    }
                    "end_station" => {
                        es = on;
                        req.attr_u8(IFLA_MACSEC_ES, u8::from(on));
                    }
                    "scb" => {
                        scb = on;
                        req.attr_u8(IFLA_MACSEC_SCB, u8::from(on));
                    }
                    "protect" => req.attr_u8(IFLA_MACSEC_PROTECT, u8::from(on)),
                    _ => replay = i32::from(on),
                }
            }
            "window" => {
                let v = args.value()?;
                window = crate::args::num::get_u32(&v, 0).ok_or_else(|| invarg("expected replay window size", &v))?;
            }
            "validate" => {
                let v = args.value()?;
                let Some(i) = one_of("validate", &v, &VALIDATE) else { return Ok(1) };
                req.attr_u8(IFLA_MACSEC_VALIDATION, i);
            }
            "encodingsa" => {
                if encoding_sa != 0xff {
                    return Err(duparg2("encodingsa", "encodingsa"));
                }
                let v = args.value()?;
                match crate::args::num::get_u8(&v, 0) {
                    Some(n) if n <= 3 => encoding_sa = n,
                    _ => return Err(invarg("expected an { 0..3 }", &v)),
                }
            }
            "offload" => {
                let v = args.value()?;
                let Some(i) = one_of("offload", &v, &OFFLOAD) else { return Ok(1) };
                req.attr_u8(IFLA_MACSEC_OFFLOAD, i);
            }
            _ => {
                eprint_raw(&format!("macsec: unknown command \"{}\"?\n", w));
                eprint_raw(HELP);
                return Ok(1);
            }
        }
    }
    if (send_sci && (es || scb)) || (es && scb) {
        eprint_raw("invalid combination of send_sci/end_station/scb\n");
        return Ok(1);
    }
    if window != u32::MAX && replay == -1 {
        eprint_raw(&format!(
            "replay window set, but replay protection not enabled. did you mean 'replay on window {}'?\n",
            window
        ));
        return Ok(1);
    } else if window == u32::MAX && replay == 1 {
        eprint_raw("replay protection enabled, but no window set. did you mean 'replay on window VALUE'?\n");
        return Ok(1);
    }
    if cipher_id != 0 {
        req.attr_u64(IFLA_MACSEC_CIPHER_SUITE, cipher_id);
    }
    if icv_len != 0 {
        req.attr_u8(IFLA_MACSEC_ICV_LEN, icv_len);
    }
    if replay != -1 {
        req.attr_u32(IFLA_MACSEC_WINDOW, window);
        req.attr_u8(IFLA_MACSEC_REPLAY_PROTECT, replay as u8);
    }
    if encoding_sa != 0xff {
        req.attr_u8(IFLA_MACSEC_ENCODING_SA, encoding_sa);
    }
    Ok(0)
}
