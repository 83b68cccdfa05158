//! The example site in content/ is what `repdir build` builds by default: it must stay
//! clean (no errors, no warnings) and build.

use std::path::Path;
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

// The example site builds (into a temporary folder: tests never write output/).
#[test]
fn example_site_builds() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_repdir"))
        .args(["build", "--site"])
        .arg(root)
        .arg("--output")
        .arg(dir.path().join("output"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rep_pages = std::fs::read_dir(dir.path().join("output/representatives"))
        .unwrap()
        .count();
    assert!(
        rep_pages >= 12,
        "only {rep_pages} entries under representatives/"
    );
}
