//! `SiteTest`: a fixture site copied into a temporary folder, `repdir` run on it, and
//! chained checks on what it printed (modelled on mdBook's `BookTest`).
//!
//! ```ignore
//! SiteTest::from_fixture("invalid/unknown-field")
//!     .run(&["check"])
//!     .expect_failure()
//!     .diagnostic("unknown-field", "content/stations/baisha.yaml", Some(3))
//!     .message_contains("phone");
//! ```
//!
//! `run(&["check", ..])` runs the command twice, once as given (text on stderr) and once
//! with `--format json` (parsed into [`Diag`]s), so a test can check both the words a
//! keeper reads and the exact code, path and line. Every run fails the test if `repdir`
//! panicked, whatever the test then checks.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use serde::Deserialize;

/// The record folders of a site. Git cannot hold an empty folder, so a fixture that
/// needs none of, say, `groups/` would lose it; [`SiteTest::from_fixture`] makes them.
const RECORD_FOLDERS: [&str; 4] = ["representatives", "stations", "groups", "reports"];

/// A copy of `tests/fixtures/<name>/` in a fresh temporary folder, deleted on drop.
pub(crate) struct SiteTest {
    _dir: tempfile::TempDir,
    root: PathBuf,
}

impl SiteTest {
    /// Copies `tests/fixtures/<name>` (e.g. `"invalid/unknown-field"`).
    pub(crate) fn from_fixture(name: &str) -> SiteTest {
        let src = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name);
        assert!(src.is_dir(), "no fixture {}", src.display());
        let dir = tempfile::Builder::new()
            .prefix(&format!("{}-", name.replace('/', "-")))
            .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
            .expect("cannot make a temporary folder");
        let root = dir.path().join("site");
        copy_dir(&src, &root);
        if root.join("content").is_dir() {
            for folder in RECORD_FOLDERS {
                std::fs::create_dir_all(root.join("content").join(folder)).unwrap();
            }
        }
        SiteTest { _dir: dir, root }
    }

    /// The copy's root folder (the one holding `content/`).
    pub(crate) fn root(&self) -> &Path {
        &self.root
    }

    /// Writes `bytes` to `rel` (relative to the root), making folders as needed.
    pub(crate) fn write(self, rel: &str, bytes: impl AsRef<[u8]>) -> SiteTest {
        let path = self.root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("write {rel}: {e}"));
        self
    }

    /// Rewrites the text file `rel` with `edit`.
    pub(crate) fn edit(self, rel: &str, edit: impl FnOnce(String) -> String) -> SiteTest {
        let path = self.root.join(rel);
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {rel}: {e}"));
        std::fs::write(&path, edit(text)).unwrap();
        self
    }

    /// Deletes the file or folder `rel`.
    pub(crate) fn remove(self, rel: &str) -> SiteTest {
        let path = self.root.join(rel);
        let result = if path.is_dir() {
            std::fs::remove_dir_all(&path)
        } else {
            std::fs::remove_file(&path)
        };
        result.unwrap_or_else(|e| panic!("remove {rel}: {e}"));
        self
    }

    /// Makes a symbolic link at `link` (relative to the root) pointing to `target`
    /// (written into the link as given).
    #[cfg(unix)]
    pub(crate) fn symlink(self, target: &str, link: &str) -> SiteTest {
        std::os::unix::fs::symlink(target, self.root.join(link))
            .unwrap_or_else(|e| panic!("symlink {link}: {e}"));
        self
    }

    /// Runs `repdir <args> --site <root>` with a cleared environment (plus `NO_COLOR=1`
    /// and `PATH`). A `check` without `--format` is run a second time with
    /// `--format json` so that [`Run::diagnostic`] can look at the diagnostics.
    pub(crate) fn run(&self, args: &[&str]) -> Run {
        let text = self.exec(args);
        let mut run = Run {
            args: args.join(" "),
            code: text.0,
            stdout: text.1,
            stderr: text.2,
            elapsed: text.3,
            diags: Vec::new(),
            current: None,
        };
        let json_args: Vec<&str>;
        let json_stdout = if args.contains(&"--format") {
            args.contains(&"json").then(|| run.stdout.clone())
        } else if args.first() == Some(&"check") {
            json_args = args.iter().copied().chain(["--format", "json"]).collect();
            let (code, stdout, _, _) = self.exec(&json_args);
            assert_eq!(
                code, run.code,
                "`repdir {}` exited {} but with --format json {code}",
                run.args, run.code
            );
            Some(stdout)
        } else {
            None
        };
        if let Some(stdout) = json_stdout {
            run.diags = serde_json::from_str(&stdout)
                .unwrap_or_else(|e| panic!("--format json printed no JSON array ({e}):\n{stdout}"));
        }
        run
    }

    fn exec(&self, args: &[&str]) -> (i32, String, String, Duration) {
        let started = Instant::now();
        let out = Command::new(env!("CARGO_BIN_EXE_repdir"))
            .args(args)
            .arg("--site")
            .arg(&self.root)
            .env_clear()
            .env("NO_COLOR", "1")
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .output()
            .expect("cannot run repdir");
        let elapsed = started.elapsed();
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        for bad in ["panicked", "RUST_BACKTRACE"] {
            assert!(
                !stderr.contains(bad),
                "`repdir {}` panicked:\n{stderr}",
                args.join(" ")
            );
        }
        // No code means a signal (a stack overflow, an abort): as bad as a panic.
        let code = out.status.code().unwrap_or_else(|| {
            panic!(
                "`repdir {}` was killed: {}\n{stderr}",
                args.join(" "),
                out.status
            )
        });
        (code, stdout, stderr, elapsed)
    }
}

/// One item of `repdir check --format json`.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct Diag {
    pub(crate) severity: String,
    pub(crate) path: String,
    pub(crate) line: Option<u32>,
    pub(crate) column: Option<u32>,
    pub(crate) code: String,
    pub(crate) message: String,
}

/// What a run printed, with chained checks. Checks on a single diagnostic
/// (`column`, `severity`, `message_contains`) apply to the one the last
/// [`Run::diagnostic`] found.
pub(crate) struct Run {
    args: String,
    code: i32,
    stdout: String,
    stderr: String,
    elapsed: Duration,
    diags: Vec<Diag>,
    current: Option<usize>,
}

impl Run {
    /// Exit code 0, and no diagnostic of severity error.
    #[track_caller]
    pub(crate) fn expect_success(self) -> Run {
        assert!(
            self.code == 0 && !self.diags.iter().any(|d| d.severity == "error"),
            "expected success, got exit code {}\n{}",
            self.code,
            self.report()
        );
        self
    }

    /// Exit code 1 (problems in the site; 2 would be bad usage, 101 a panic).
    #[track_caller]
    pub(crate) fn expect_failure(self) -> Run {
        assert_eq!(self.code, 1, "expected exit code 1\n{}", self.report());
        self
    }

    /// The text output (stderr) holds `needle`.
    #[track_caller]
    pub(crate) fn stderr_contains(self, needle: &str) -> Run {
        assert!(
            self.stderr.contains(needle),
            "stderr lacks {needle:?}\n{}",
            self.report()
        );
        self
    }

    /// The run took less than `limit` (both runs, for a `check`, are timed separately).
    #[track_caller]
    pub(crate) fn finished_within(self, limit: Duration) -> Run {
        assert!(
            self.elapsed < limit,
            "took {:?}, limit {limit:?}\n{}",
            self.elapsed,
            self.report()
        );
        self
    }

    /// Exactly `n` diagnostics (errors and warnings).
    #[track_caller]
    pub(crate) fn diagnostic_count(self, n: usize) -> Run {
        assert_eq!(self.diags.len(), n, "diagnostic count\n{}", self.report());
        self
    }

    /// No diagnostic at all, not even a warning.
    #[track_caller]
    pub(crate) fn no_diagnostics(self) -> Run {
        self.diagnostic_count(0)
    }

    /// A diagnostic with this `code` in `path` (relative to the site root) at `line`
    /// (`None`: the file as a whole) exists; later checks look at it.
    #[track_caller]
    pub(crate) fn diagnostic(mut self, code: &str, path: &str, line: Option<u32>) -> Run {
        let found = self
            .diags
            .iter()
            .position(|d| d.code == code && d.path == path && d.line == line);
        match found {
            Some(i) => self.current = Some(i),
            None => panic!("no diagnostic {code} at {path}:{line:?}\n{}", self.report()),
        }
        self
    }

    /// The current diagnostic starts at this column.
    #[track_caller]
    pub(crate) fn column(self, column: u32) -> Run {
        let d = self.current();
        assert_eq!(d.column, Some(column), "column of {d:?}");
        self
    }

    /// The current diagnostic is a warning (`"warning"`) or an error (`"error"`).
    #[track_caller]
    pub(crate) fn severity(self, severity: &str) -> Run {
        let d = self.current();
        assert_eq!(d.severity, severity, "severity of {d:?}");
        self
    }

    /// The current diagnostic's message holds `needle`.
    #[track_caller]
    pub(crate) fn message_contains(self, needle: &str) -> Run {
        let d = self.current();
        assert!(
            d.message.contains(needle),
            "message lacks {needle:?}: {d:?}"
        );
        self
    }

    /// The current diagnostic's message does not hold `needle`.
    #[track_caller]
    pub(crate) fn message_lacks(self, needle: &str) -> Run {
        let d = self.current();
        assert!(!d.message.contains(needle), "message has {needle:?}: {d:?}");
        self
    }

    /// Every diagnostic, in the order printed.
    pub(crate) fn diags(&self) -> &[Diag] {
        &self.diags
    }

    /// The text output (diagnostic lines and the summary).
    pub(crate) fn stderr(&self) -> &str {
        &self.stderr
    }

    #[track_caller]
    fn current(&self) -> &Diag {
        let i = self.current.expect("call .diagnostic(..) first");
        &self.diags[i]
    }

    /// Everything about the run, for failure messages.
    fn report(&self) -> String {
        let mut out = format!("--- repdir {} (exit {})\n", self.args, self.code);
        for d in &self.diags {
            let _ = writeln!(
                out,
                "  {} {} {}:{:?}:{:?} {}",
                d.severity, d.code, d.path, d.line, d.column, d.message
            );
        }
        let _ = write!(
            out,
            "--- stdout\n{}--- stderr\n{}",
            self.stdout, self.stderr
        );
        out
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}
