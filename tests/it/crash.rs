//! A build killed with SIGKILL at any moment leaves the whole old site or the whole new one.

use std::collections::BTreeMap;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::build::{EPOCH, Site};

/// Adds `n` representatives so a build takes long enough to be killed half-way.
fn grow(site: &Site, n: usize, occupation: &str) {
    for i in 0..n {
        std::fs::write(
            site.root
                .join(format!("content/representatives/extra-{i:04}.yaml")),
            format!(
                "name: 测试代表{i}\nlevel: county\nstations: [baisha]\noccupation: {occupation}\n"
            ),
        )
        .unwrap();
    }
}

#[cfg(unix)]
#[test]
fn a_killed_build_leaves_the_old_or_the_new_site() {
    let site = Site::from_fixture("build/basic");
    grow(&site, 300, "旧职务");
    site.build_ok();
    let old = site.files();
    // What the new site looks like, built to the end in a copy.
    let new_site = Site::from_fixture("build/basic");
    grow(&new_site, 300, "新职务");
    std::fs::copy(
        site.root.join("content/codes.yaml"),
        new_site.root.join("content/codes.yaml"),
    )
    .unwrap();
    let started = Instant::now();
    new_site.build_ok();
    let full = started.elapsed();
    let new = new_site.files();
    assert_ne!(old, new);
    grow(&site, 300, "新职务");

    let mut seen = BTreeMap::from([("old", 0), ("new", 0)]);
    for step in 0..8u32 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_repdir"))
            .args(["build", "--quiet", "--site"])
            .arg(&site.root)
            .env_clear()
            .env("SOURCE_DATE_EPOCH", EPOCH)
            .spawn()
            .unwrap();
        // Kill at eight points spread over the length of a full build.
        std::thread::sleep(
            full.mul_f64(f64::from(step) / 7.0)
                .min(full + Duration::from_millis(50)),
        );
        let _ = child.kill();
        let _ = child.wait();
        let now = site.files();
        if now == old {
            *seen.get_mut("old").unwrap() += 1;
        } else if now == new {
            *seen.get_mut("new").unwrap() += 1;
        } else {
            panic!("after a kill at step {step}, output/ is neither the old nor the new site");
        }
    }
    eprintln!("kills that left the old site / the new site: {seen:?}");
    // Whatever the kills left behind, the next build finishes the job.
    site.build_ok();
    assert_eq!(site.files(), new);
}
