//! The layering rules, checked on the source tree (issue 14):
//! - the shared layer imports no front end and no object;
//! - an object (`ip/<object>`, `bridge/<object>`) imports the shared layer
//!   and itself only: never another object, never its front end;
//! - no import cycle among sibling modules, nor among the units (the shared
//!   modules, the front ends, the objects).
//!
//! A module's use of its own parent (`super::helper`) is Rust's ordinary
//! nesting and is not an edge; test code (`#[cfg(test)]` onwards) is not
//! scanned, since a test may drive a whole front end.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The shared layer: everything a front end or an object may build on.
pub const SHARED: &[&str] = &["args", "ctx", "error", "inet", "linkinfo", "names", "netlink", "nh", "print", "sys"];
/// Front ends whose children are objects.
pub const FRONT_ENDS_WITH_OBJECTS: &[&str] = &["ip", "bridge"];
/// Children of a front end that belong to the front end itself, not to an
/// object: a monitor is the stream of every object's events, so it prints
/// with every object's printer, the way the front end dispatches to every
/// object's handler (iproute2's ipmonitor.c and bridge/monitor.c likewise).
pub const FRONT_END_PARTS: &[&str] = &["monitor"];

/// One source file as a module path (`["ip", "link", "modify"]`) and its code.
pub struct Source {
    pub module: Vec<String>,
    pub code: String,
}

/// The module path of a file below `src/`.
fn module_of(rel: &Path) -> Vec<String> {
    let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    if let Some(last) = parts.pop() {
        let stem = last.trim_end_matches(".rs").to_string();
        if stem != "mod" && stem != "lib" && stem != "main" {
            parts.push(stem);
        }
    }
    parts
}

/// Every .rs file below `dir`.
pub fn read_tree(root: &Path) -> Vec<Source> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(rd) = std::fs::read_dir(dir) else { return };
        let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|e| e == "rs") {
                out.push(p);
            }
        }
    }
    let mut files = Vec::new();
    walk(root, &mut files);
    files
        .into_iter()
        .filter_map(|p| {
            let code = std::fs::read_to_string(&p).ok()?;
            let rel = p.strip_prefix(root).ok()?.to_path_buf();
            Some(Source { module: module_of(&rel), code })
        })
        .collect()
}

/// The code before the test module, without comments.
fn scanned(code: &str) -> String {
    let mut out = String::new();
    for line in code.lines() {
        let t = line.trim_start();
        if t.starts_with("#[cfg(test)]") {
            break;
        }
        let body = match line.find("//") {
            Some(i) => &line[..i],
            None => line,
        };
        out.push_str(body);
        out.push('\n');
    }
    out
}

/// The module paths a file refers to: `crate::a::b::c` and `super::x`
/// chains, as written (resolved to files later).
fn references(module: &[String], is_mod_file: bool, code: &str) -> Vec<Vec<String>> {
    let b = code.as_bytes();
    let ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if (i == 0 || !ident(b[i - 1])) && (code[i..].starts_with("crate::") || code[i..].starts_with("super::")) {
            // The module this path starts from.
            let mut base: Vec<String> = Vec::new();
            let mut j = i;
            if code[j..].starts_with("crate::") {
                j += 7;
            } else {
                // A mod.rs file is its directory's module: its `super` is
                // the directory's parent; a plain file's `super` is its
                // directory.
                base = module.to_vec();
                while code[j..].starts_with("super::") {
                    base.pop();
                    j += 7;
                }
                let _ = is_mod_file;
            }
            let mut path = base;
            loop {
                let start = j;
                while j < b.len() && ident(b[j]) {
                    j += 1;
                }
                if j == start {
                    break;
                }
                path.push(code[start..j].to_string());
                if code[j..].starts_with("::") {
                    j += 2;
                } else {
                    break;
                }
            }
            out.push(path);
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

/// The unit a module belongs to: a shared module, a front end, or an object.
fn unit(module: &[String]) -> String {
    match module.first().map(|s| s.as_str()) {
        None => "crate".into(),
        Some(f)
            if FRONT_ENDS_WITH_OBJECTS.contains(&f)
                && module.len() >= 2
                && !FRONT_END_PARTS.contains(&module[1].as_str()) =>
        {
            format!("{}::{}", f, module[1])
        }
        Some(f) => f.into(),
    }
}

/// What the checks found: one line per broken rule.
pub fn violations(sources: &[Source]) -> Vec<String> {
    let files: BTreeSet<Vec<String>> = sources.iter().map(|s| s.module.clone()).collect();
    let resolve = |path: &[String]| -> Option<Vec<String>> {
        (0..=path.len()).rev().map(|n| path[..n].to_vec()).find(|p| files.contains(p))
    };
    let mut bad = Vec::new();
    let mut file_edges: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    let mut unit_edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    // Test files (`#[cfg(test)] mod tests;`) may drive a whole front end.
    for s in sources.iter().filter(|s| s.module.last().map(|m| m.as_str()) != Some("tests")) {
        let from_unit = unit(&s.module);
        let from_top = s.module.first().cloned().unwrap_or_default();
        let is_object = from_unit.contains("::");
        for r in references(&s.module, true, &scanned(&s.code)) {
            let Some(target) = resolve(&r) else { continue };
            // The crate root holds only the exported macros (eprintf!, bail!).
            if target == s.module || target.is_empty() {
                continue;
            }
            let to_unit = unit(&target);
            let to_top = target.first().cloned().unwrap_or_default();
            let what = format!("{} -> {}", s.module.join("::"), r.join("::"));
            if SHARED.contains(&from_top.as_str()) && !SHARED.contains(&to_top.as_str()) {
                bad.push(format!("shared module imports a front end or object: {}", what));
            }
            if is_object && to_unit != from_unit && !SHARED.contains(&to_top.as_str()) {
                bad.push(format!("object imports another object or its front end: {}", what));
            }
            // A parent and its descendants: ordinary nesting, not an edge.
            let nested = target.starts_with(&s.module) || s.module.starts_with(&target);
            if !nested {
                file_edges.entry(s.module.clone()).or_default().insert(target.clone());
            }
            if to_unit != from_unit {
                unit_edges.entry(from_unit.clone()).or_default().insert(to_unit);
            }
        }
    }
    for c in cycles(&file_edges) {
        bad.push(format!("import cycle: {}", c.iter().map(|m| m.join("::")).collect::<Vec<_>>().join(" -> ")));
    }
    for c in cycles(&unit_edges) {
        bad.push(format!("import cycle between units: {}", c.join(" -> ")));
    }
    bad
}

/// The strongly connected components with more than one node (Tarjan).
fn cycles<N: Ord + Clone>(edges: &BTreeMap<N, BTreeSet<N>>) -> Vec<Vec<N>> {
    struct St<N> {
        index: BTreeMap<N, usize>,
        low: BTreeMap<N, usize>,
        on: BTreeSet<N>,
        stack: Vec<N>,
        next: usize,
        out: Vec<Vec<N>>,
    }
    fn visit<N: Ord + Clone>(n: &N, e: &BTreeMap<N, BTreeSet<N>>, st: &mut St<N>) {
        st.index.insert(n.clone(), st.next);
        st.low.insert(n.clone(), st.next);
        st.next += 1;
        st.stack.push(n.clone());
        st.on.insert(n.clone());
        if let Some(succ) = e.get(n) {
            for m in succ {
                if !st.index.contains_key(m) {
                    visit(m, e, st);
                    let l = st.low[m].min(st.low[n]);
                    st.low.insert(n.clone(), l);
                } else if st.on.contains(m) {
                    let l = st.index[m].min(st.low[n]);
                    st.low.insert(n.clone(), l);
                }
            }
        }
        if st.low[n] == st.index[n] {
            let mut comp = Vec::new();
            while let Some(m) = st.stack.pop() {
                st.on.remove(&m);
                let done = &m == n;
                comp.push(m);
                if done {
                    break;
                }
            }
            if comp.len() > 1 {
                comp.reverse();
                st.out.push(comp);
            }
        }
    }
    let mut st = St {
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        on: BTreeSet::new(),
        stack: Vec::new(),
        next: 0,
        out: Vec::new(),
    };
    for n in edges.keys() {
        if !st.index.contains_key(n) {
            visit(n, edges, &mut st);
        }
    }
    st.out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(module: &str, code: &str) -> Source {
        Source {
            module: if module.is_empty() { vec![] } else { module.split("::").map(String::from).collect() },
            code: code.into(),
        }
    }

    #[test]
    fn the_tree_keeps_the_layering_rules() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let tree = read_tree(&root);
        assert!(tree.len() > 50, "read {} files from {}", tree.len(), root.display());
        let bad = violations(&tree);
        assert!(bad.is_empty(), "layering rules broken:\n{}", bad.join("\n"));
    }

    #[test]
    fn each_rule_can_fail() {
        let base = || {
            vec![
                src("", "pub mod ip;"),
                src("args", "pub fn matches() {}"),
                src("ip", "use crate::args::matches; pub fn usage() {}"),
                src("ip::link", "use crate::args::matches;"),
                src("ip::addr", "use crate::args::matches;"),
                src("ip::route", ""),
                src("ip::route::print", "use super::encap::x;"),
                src("ip::route::encap", ""),
            ]
        };
        assert!(violations(&base()).is_empty(), "{:?}", violations(&base()));

        let mut t = base();
        t[4].code.push_str("use crate::ip::link::show;");
        let v = violations(&t);
        assert!(v.iter().any(|l| l.starts_with("object imports another object")), "{:?}", v);

        let mut t = base();
        t[3].code.push_str("let _ = super::usage();");
        assert!(violations(&t).iter().any(|l| l.contains("ip::link -> ip::usage")), "{:?}", violations(&t));

        let mut t = base();
        t[1].code.push_str("use crate::ip::usage;");
        assert!(violations(&t).iter().any(|l| l.starts_with("shared module imports")));

        let mut t = base();
        t[7].code.push_str("use super::print::Env;");
        assert!(
            violations(&t).iter().any(|l| l.starts_with("import cycle: ip::route::encap -> ip::route::print")
                || l.starts_with("import cycle: ip::route::print -> ip::route::encap")),
            "{:?}",
            violations(&t)
        );

        // Test code and comments are not scanned.
        let mut t = base();
        t[4].code.push_str("// crate::ip::link\n#[cfg(test)]\nmod tests { use crate::ip::link::x; }");
        assert!(violations(&t).is_empty());
    }
}
