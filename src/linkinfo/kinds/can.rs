//! `type can` options and help (ip/iplink_can.c, 6.1.0). This kernel has
//! no CAN devices: only the requests (checked against iproute2's bytes) and
//! the text are provided.

use super::Hooks;
use crate::args::keywords::{exact, kw, Table};
use crate::args::Args;
use crate::ctx::Ctx;
use crate::error::invarg;
use crate::error::{eprint_raw, fail, Res};
use crate::netlink::Req;

const IFLA_CAN_BITTIMING: u16 = 1;
const IFLA_CAN_CTRLMODE: u16 = 5;
const IFLA_CAN_RESTART_MS: u16 = 6;
const IFLA_CAN_RESTART: u16 = 7;
const IFLA_CAN_DATA_BITTIMING: u16 = 9;
const IFLA_CAN_TERMINATION: u16 = 11;
const IFLA_CAN_TDC: u16 = 16;
const IFLA_CAN_TDC_TDCV: u16 = 7;
const IFLA_CAN_TDC_TDCO: u16 = 8;
const IFLA_CAN_TDC_TDCF: u16 = 9;
const NLA_F_NESTED: u16 = 0x8000;

const CAN_CTRLMODE_TDC_AUTO: u32 = 0x200;
const CAN_CTRLMODE_TDC_MANUAL: u32 = 0x400;

const HELP: &str = "Usage: ip link set DEVICE type can
\t[ bitrate BITRATE [ sample-point SAMPLE-POINT] ] |
\t[ tq TQ prop-seg PROP_SEG phase-seg1 PHASE-SEG1
 \t  phase-seg2 PHASE-SEG2 [ sjw SJW ] ]

\t[ dbitrate BITRATE [ dsample-point SAMPLE-POINT] ] |
\t[ dtq TQ dprop-seg PROP_SEG dphase-seg1 PHASE-SEG1
 \t  dphase-seg2 PHASE-SEG2 [ dsjw SJW ] ]
\t[ tdcv TDCV tdco TDCO tdcf TDCF ]

\t[ loopback { on | off } ]
\t[ listen-only { on | off } ]
\t[ triple-sampling { on | off } ]
\t[ one-shot { on | off } ]
\t[ berr-reporting { on | off } ]
\t[ fd { on | off } ]
\t[ fd-non-iso { on | off } ]
\t[ presume-ack { on | off } ]
\t[ cc-len8-dlc { on | off } ]
\t[ tdc-mode { auto | manual | off } ]

\t[ restart-ms TIME-MS ]
\t[ restart ]

\t[ termination { 0..65535 } ]

\tWhere: BITRATE\t:= { NUMBER in bps }
\t\t  SAMPLE-POINT\t:= { 0.000..0.999 }
\t\t  TQ\t\t:= { NUMBER in ns }
\t\t  PROP-SEG\t:= { NUMBER in tq }
\t\t  PHASE-SEG1\t:= { NUMBER in tq }
\t\t  PHASE-SEG2\t:= { NUMBER in tq }
\t\t  SJW\t\t:= { NUMBER in tq }
\t\t  TDCV\t\t:= { NUMBER in tc }
\t\t  TDCO\t\t:= { NUMBER in tc }
\t\t  TDCF\t\t:= { NUMBER in tc }
\t\t  RESTART-MS\t:= { 0 | NUMBER in ms }
";

pub fn help(_kind: &str, out: &mut dyn std::io::Write) {
    let _ = out.write_all(HELP.as_bytes());
}

/// The words in can_parse_opt()'s order: (word, what it sets).
#[derive(Debug, Clone, Copy)]
pub enum O {
    /// The parser's final `else`.
    Help,
    /// struct can_bittiming field (0 nominal, 1 data; field index).
    Bt(usize, usize),
    /// sample point (nominal or data) as a float times 1000.
    Sp(usize),
    Tdc(usize),
    Mode(u32),
    TdcMode,
    Restart,
    RestartMs,
    Termination,
}

/// The values of `tdc-mode`, compared whole; ids are the control-mode
/// (flags, mask) bits each sets.
pub static TDC_MODES: Table<(u32, u32)> = Table::new(
    "ip link type can tdc-mode",
    &[
        exact("auto", (CAN_CTRLMODE_TDC_AUTO, CAN_CTRLMODE_TDC_AUTO)),
        exact("manual", (CAN_CTRLMODE_TDC_MANUAL, CAN_CTRLMODE_TDC_MANUAL)),
        exact("off", (0, CAN_CTRLMODE_TDC_AUTO | CAN_CTRLMODE_TDC_MANUAL)),
    ],
);

pub static OPTS: Table<O> = Table::new(
    "ip link type can",
    &[
        kw("bitrate", O::Bt(0, 0)),
        kw("sample-point", O::Sp(0)),
        kw("tq", O::Bt(0, 2)),
        kw("prop-seg", O::Bt(0, 3)),
        kw("phase-seg1", O::Bt(0, 4)),
        kw("phase-seg2", O::Bt(0, 5)),
        kw("sjw", O::Bt(0, 6)),
        kw("dbitrate", O::Bt(1, 0)),
        kw("dsample-point", O::Sp(1)),
        kw("dtq", O::Bt(1, 2)),
        kw("dprop-seg", O::Bt(1, 3)),
        kw("dphase-seg1", O::Bt(1, 4)),
        kw("dphase-seg2", O::Bt(1, 5)),
        kw("dsjw", O::Bt(1, 6)),
        kw("tdcv", O::Tdc(0)),
        kw("tdco", O::Tdc(1)),
        kw("tdcf", O::Tdc(2)),
        kw("loopback", O::Mode(0x01)),
        kw("listen-only", O::Mode(0x02)),
        kw("triple-sampling", O::Mode(0x04)),
        kw("one-shot", O::Mode(0x08)),
        kw("berr-reporting", O::Mode(0x10)),
        kw("fd", O::Mode(0x20)),
        kw("fd-non-iso", O::Mode(0x80)),
        kw("presume-ack", O::Mode(0x40)),
        kw("cc-len8-dlc", O::Mode(0x100)),
        kw("tdc-mode", O::TdcMode),
        kw("restart", O::Restart),
        kw("restart-ms", O::RestartMs),
        kw("termination", O::Termination),
        kw("help", O::Help),
    ],
);

/// strtof() over the whole word (iproute2's get_float()).
fn get_float(s: &str) -> Option<f32> {
    crate::args::num::strtof_whole(s)
}

/// (__u32)(float) as x86-64 code does it: through a 64-bit conversion,
/// whose "indefinite" result is 0 in the low half.
fn float_to_u32(x: f32) -> u32 {
    if !x.is_finite() || x.abs() >= 9.223_372e18 {
        return 0;
    }
    (x as i64) as u32
}

pub fn parse(_ctx: &mut Ctx, _kind: &str, args: &mut Args, req: &mut Req, _hooks: &Hooks) -> Res<i32> {
    // struct can_bittiming: bitrate, sample_point, tq, prop_seg,
    // phase_seg1, phase_seg2, sjw, brp.
    let mut bt = [[0u32; 8]; 2];
    let (mut cm_mask, mut cm_flags) = (0u32, 0u32);
    let mut tdc = [u32::MAX; 3];
    while let Some(w) = args.next() {
        let Some((name, o)) = OPTS.entry(&w).map(|k| (k.word(), k.id)) else {
            eprint_raw(&format!("can: unknown option \"{}\"\n", w));
            eprint_raw(HELP);
            return Ok(1);
        };
        let bad = |v: &str| invarg(&format!("invalid \"{}\" value\n", name), v);
        match o {
            O::Help => {
                eprint_raw(HELP);
                return Ok(1);
            }
            O::Bt(which, field) => {
                let v = args.value()?;
                bt[which][field] = crate::args::num::get_u32(&v, 0).ok_or_else(|| bad(&v))?;
            }
            O::Sp(which) => {
                let v = args.value()?;
                let sp = get_float(&v).ok_or_else(|| bad(&v))?;
                bt[which][1] = float_to_u32(sp * 1000.0);
            }
            O::Tdc(i) => {
                let v = args.value()?;
                tdc[i] = crate::args::num::get_u32(&v, 0).ok_or_else(|| bad(&v))?;
            }
            O::Mode(flag) => {
                let v = args.value()?;
                if v == "on" {
                    cm_flags |= flag;
                } else if v != "off" {
                    return Err(fail(
                        255,
                        &format!("Error: argument of \"{}\" must be \"on\" or \"off\", not \"{}\"\n", name, v),
                    ));
                }
                cm_mask |= flag;
            }
            O::TdcMode => {
                let v = args.value()?;
                match TDC_MODES.find(&v) {
                    Some((flags, mask)) => {
                        cm_flags |= flags;
                        cm_mask |= mask;
                    }
                    None => {
                        return Err(fail(
                            255,
                            &format!(
                                "Error: argument of \"tdc-mode\" must be \"auto\", \"manual\" or \"off\", not \"{}\"\n",
                                v
                            ),
                        ))
                    }
                }
            }
            O::Restart => req.attr_u32(IFLA_CAN_RESTART, 1),
            O::RestartMs => {
                let v = args.value()?;
                req.attr_u32(IFLA_CAN_RESTART_MS, crate::args::num::get_u32(&v, 0).ok_or_else(|| bad(&v))?);
            }
            O::Termination => {
                let v = args.value()?;
                req.attr_u16(IFLA_CAN_TERMINATION, crate::args::num::get_u16(&v, 0).ok_or_else(|| bad(&v))?);
            }
        }
    }
    for (which, ty) in [(0, IFLA_CAN_BITTIMING), (1, IFLA_CAN_DATA_BITTIMING)] {
        if bt[which][0] != 0 || bt[which][2] != 0 {
            let b: Vec<u8> = bt[which].iter().flat_map(|v| v.to_ne_bytes()).collect();
            req.attr(ty, &b);
        }
    }
    if cm_mask != 0 {
        let mut b = cm_mask.to_ne_bytes().to_vec();
        b.extend_from_slice(&cm_flags.to_ne_bytes());
        req.attr(IFLA_CAN_CTRLMODE, &b);
    }
    if tdc.iter().any(|&v| v != u32::MAX) {
        let nest = req.nest(IFLA_CAN_TDC | NLA_F_NESTED);
        for (v, ty) in tdc.iter().zip([IFLA_CAN_TDC_TDCV, IFLA_CAN_TDC_TDCO, IFLA_CAN_TDC_TDCF]) {
            if *v != u32::MAX {
                req.attr_u32(ty, *v);
            }
        }
        req.nest_end(nest);
    }
    Ok(0)
}
