//! Hands scripts/hot.ld to the linker of the default (glibc) rip binary: it
//! puts the functions common commands run next to each other, so a command
//! maps fewer pages of code (see scripts/hot-order.sh). The list is traced on
//! that build; the static musl build (other names, its own size budget) keeps
//! the linker's layout, and RIP_HOT_ORDER=0 keeps it for any build (the
//! script traces such a build).

fn main() {
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
