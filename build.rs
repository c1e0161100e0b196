//! Hands scripts/hot.ld to the linker of the default (glibc) rip binary: it
//! puts the functions common commands run next to each other, so a command
//! maps fewer pages of code (see scripts/hot-order.sh). The list is traced on
//! that build; the static musl build (other names, its own size budget) keeps
//! the linker's layout, and RIP_HOT_ORDER=0 keeps it for any build (the
//! script traces such a build).
//!
//! It also links gcc's unwinder (libgcc_eh.a) into the glibc build instead
//! of loading libgcc_s.so.1 at run time: rip aborts on panic and never
//! unwinds, and one shared object less to map and relocate made a short
//! command (`ip link show lo`) 0.74x -> 0.66x iproute2's wall time. Rust's
//! std asks the linker for `-lgcc_s`; a linker script of that name in a
//! directory searched first hands it the archive. When the C compiler does
//! not know libgcc_eh.a, the build keeps libgcc_s.

fn main() {
    println!("cargo::rustc-check-cfg=cfg(rip_static)");
    static_unwinder();
    println!("cargo:rerun-if-changed=scripts/hot.ld");
    println!("cargo:rerun-if-env-changed=RIP_HOT_ORDER");
    let is = |k: &str, v: &str| std::env::var(k).is_ok_and(|x| x == v);
    if !is("CARGO_CFG_TARGET_OS", "linux")
        || !is("CARGO_CFG_TARGET_ENV", "gnu")
        || std::env::var("RIP_HOT_ORDER").is_ok_and(|v| v == "0")
    {
        return;
    }
    let dir = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let path = format!("{dir}/scripts/hot.ld");
    // Cargo relinks only when something it fingerprints changes; the
    // script's contents become an environment value so a new order relinks.
    let mut h = std::collections::hash_map::DefaultHasher::new();
    std::hash::Hash::hash(&std::fs::read(&path).unwrap_or_default(), &mut h);
    println!("cargo:rustc-env=RIP_HOT_LD={:x}", std::hash::Hasher::finish(&h));
    println!("cargo:rustc-link-arg-bins=-Wl,-T,{path}");
}

fn static_unwinder() {
    let is = |k: &str, v: &str| std::env::var(k).is_ok_and(|x| x == v);
    if !is("CARGO_CFG_TARGET_OS", "linux") || !is("CARGO_CFG_TARGET_ENV", "gnu") {
        return;
    }
    // The host compiler's archive only serves a native build.
    if std::env::var("TARGET").ok() != std::env::var("HOST").ok() {
        return;
    }
    let Ok(out) = std::env::var("OUT_DIR") else { return };
    println!("cargo:rerun-if-env-changed=CC");
    let cc = std::env::var("CC").unwrap_or_else(|_| "cc".into());
    let Ok(o) = std::process::Command::new(cc).arg("-print-file-name=libgcc_eh.a").output() else { return };
    let path = String::from_utf8_lossy(&o.stdout).trim().to_string();
    // An unknown file comes back as the bare name.
    if !o.status.success() || !path.starts_with('/') || !std::path::Path::new(&path).is_file() {
        return;
    }
    if std::fs::write(format!("{out}/libgcc_s.so"), format!("INPUT({path})\n")).is_ok() {
        println!("cargo:rustc-link-search=native={out}");
    }
}
