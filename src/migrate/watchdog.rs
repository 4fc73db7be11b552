//! "Never hang", even on input that trips the parser's worst case: oxc 0.146 needs
//! super-linear time and memory on some malformed TypeScript (found by fuzzing: 2 KB of
//! garbage took 30 s and 2 GB). A parse cannot be interrupted, so a watchdog ends the
//! process with a clear error if planning runs past a deadline. Planning writes nothing,
//! so stopping there leaves the project as it was; the watchdog is disarmed before any
//! file is written.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// Files being parsed right now, to name them if the deadline passes.
static IN_FLIGHT: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Marks `path` as being parsed until dropped.
pub struct Parsing(PathBuf);

impl Parsing {
    pub fn new(path: &Path) -> Parsing {
        if let Ok(mut list) = IN_FLIGHT.lock() {
            list.push(path.to_path_buf());
        }
        Parsing(path.to_path_buf())
    }
}

impl Drop for Parsing {
    fn drop(&mut self) {
        if let Ok(mut list) = IN_FLIGHT.lock()
            && let Some(i) = list.iter().position(|p| *p == self.0)
        {
            list.swap_remove(i);
        }
    }
}

/// Ends the process with exit code 1 if not disarmed within `deadline`.
pub struct Watchdog {
    disarmed: Arc<AtomicBool>,
}

impl Watchdog {
    /// The deadline is 30 s (a 50 000-file project takes about 1 s), or
    /// `SCAFFOLD_PARSE_DEADLINE_SECS`.
    pub fn start() -> Watchdog {
        let seconds = std::env::var("SCAFFOLD_PARSE_DEADLINE_SECS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(30);
        let deadline = Duration::from_secs(seconds);
        let disarmed = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&disarmed);
        let started = Instant::now();
        std::thread::spawn(move || {
            while started.elapsed() < deadline {
                std::thread::sleep(Duration::from_millis(50));
                if flag.load(Ordering::SeqCst) {
                    return;
                }
            }
            if flag.load(Ordering::SeqCst) {
                return;
            }
            let files: Vec<String> = IN_FLIGHT
                .lock()
                .map(|l| l.iter().map(|p| p.display().to_string()).collect())
                .unwrap_or_default();
            eprintln!(
                "error: gave up after {seconds} s: the TypeScript parser is stuck on {}; nothing was written",
                if files.is_empty() {
                    "a file".to_string()
                } else {
                    files.join(", ")
                }
            );
            std::process::exit(1);
        });
        Watchdog { disarmed }
    }

    pub fn disarm(&self) {
        self.disarmed.store(true, Ordering::SeqCst);
    }
}
