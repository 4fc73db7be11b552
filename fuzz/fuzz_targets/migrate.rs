//! The migrator's whole chain (parse → analyze → rewrite) over arbitrary bytes and over
//! mutations of real route files and callers (the corpus is seeded from
//! tests/migrate/fixtures): no panic, and everything it would write re-parses.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scaffold::migrate::in_memory;

/// A fixed caller, used when the input has no caller part of its own.
const CALLER: &str = "\"use client\";\nexport async function save(id: string, title: string) {\n  const res = await fetch(`/api/items/${id}`, { method: \"POST\", body: JSON.stringify({ title }) });\n  if (!res.ok) return (await res.json()).error;\n  const data = await res.json();\n  return data;\n}\n";

const SEPARATOR: &str = "\n//--caller--\n";

/// oxc 0.146's error recovery is super-linear on malformed input with many unclosed `(`, `[`
/// and `<` (2 KB of such garbage: 30 s, 2 GB; kept in tests/migrate/parser-worst-case.txt;
/// 1.3 KB with 83 unclosed: 12 s).
/// The CLI guards that with a deadline (`migrate::watchdog`, tested in tests/cli.rs). Skipping
/// such inputs keeps the fuzzer on this crate's code rather than rediscovering it; real and
/// mutated source files are nowhere near the limit.
const MAX_UNCLOSED: usize = 16;

fn unclosed(data: &[u8]) -> usize {
    let count = |b: u8| data.iter().filter(|x| **x == b).count();
    (count(b'(') + count(b'[') + count(b'<'))
        .saturating_sub(count(b')') + count(b']') + count(b'>'))
}

fuzz_target!(|data: &[u8]| {
    if unclosed(data) > MAX_UNCLOSED {
        return;
    }
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (route, caller) = text.split_once(SEPARATOR).unwrap_or((text, CALLER));
    if let Ok(files) = in_memory(route, caller) {
        for (path, contents) in files {
            if let Err(why) = scaffold::syntax::check(&path, &contents) {
                panic!("{} does not parse: {why}\n{contents}", path.display());
            }
        }
    }
});
