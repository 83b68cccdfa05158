//! `repdir build` end to end: links, privacy, hostile markup, determinism, all-or-nothing.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The build date of every test build, so "upcoming" never drifts: 2026-11-24.
pub(crate) const EPOCH: &str = "1795478400";

/// A copy of a fixture site in a temporary folder.
pub(crate) struct Site {
    _dir: tempfile::TempDir,
    pub(crate) root: PathBuf,
}

impl Site {
    pub(crate) fn from_fixture(name: &str) -> Site {
        let dir = tempfile::Builder::new()
            .prefix("build-")
            .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
            .unwrap();
        let root = dir.path().join("site");
        copy_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures")
                .join(name),
            &root,
        );
        Site { _dir: dir, root }
    }

    pub(crate) fn build(&self) -> Output {
        Command::new(env!("CARGO_BIN_EXE_repdir"))
            .args(["build", "--quiet", "--site"])
            .arg(&self.root)
            .env_clear()
            .env("NO_COLOR", "1")
            .env("SOURCE_DATE_EPOCH", EPOCH)
            .output()
            .unwrap()
    }

    pub(crate) fn build_ok(&self) {
        let out = self.build();
        assert!(
            out.status.success(),
            "build failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    pub(crate) fn output(&self) -> PathBuf {
        self.root.join("output")
    }

    /// Every output file and its bytes.
    pub(crate) fn files(&self) -> BTreeMap<String, Vec<u8>> {
        let out = self.output();
        walkdir::WalkDir::new(&out)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let rel = e
                    .path()
                    .strip_prefix(&out)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                (rel, std::fs::read(e.path()).unwrap())
            })
            .collect()
    }

    pub(crate) fn page(&self, rel: &str) -> String {
        std::fs::read_to_string(self.output().join(rel)).unwrap()
    }
}

pub(crate) fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// The `<main>` element of a page: what snapshots compare.
fn main_of(html: &str) -> &str {
    let start = html.find("<main").expect("page has <main>");
    let end = html.find("</main>").expect("page has </main>") + "</main>".len();
    &html[start..end]
}

/// Values of `attr="…"` in an HTML text.
pub(crate) fn attr_values<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
    let needle = format!(" {attr}=\"");
    html.match_indices(&needle)
        .filter_map(|(i, _)| {
            let rest = &html[i + needle.len()..];
            rest.find('"').map(|end| &rest[..end])
        })
        .collect()
}

// Every relative href and src in every page leads to a file of the output.
#[test]
fn every_internal_link_resolves() {
    let site = Site::from_fixture("build/basic");
    site.build_ok();
    let out = site.output();
    let mut checked = 0;
    for (rel, bytes) in site.files() {
        if !rel.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        let dir = out.join(&rel).parent().unwrap().to_path_buf();
        for link in attr_values(&html, "href")
            .into_iter()
            .chain(attr_values(&html, "src"))
        {
            let link = link.replace("&amp;", "&");
            let external = ["http:", "https:", "mailto:", "tel:", "geo:", "data:", "#"]
                .iter()
                .any(|p| link.to_ascii_lowercase().starts_with(p));
            if external || link.is_empty() {
                continue;
            }
            let path = link.split(['#', '?']).next().unwrap();
            // Only 404.html links from the site root (a server shows it at any address).
            let mut target = match path.strip_prefix('/') {
                Some(from_root) => out.join(from_root),
                None => dir.join(path),
            };
            if path.ends_with('/') || path.is_empty() || path == "." || path == "./" {
                target = target.join("index.html");
            }
            assert!(target.is_file(), "{rel}: link {link} leads nowhere");
            checked += 1;
        }
    }
    assert!(checked > 50, "only {checked} links checked");
}

// No private value, non-public contact or draft appears in any byte of the output.
#[test]
fn private_data_never_reaches_the_output() {
    let site = Site::from_fixture("build/basic");
    site.build_ok();
    let files = site.files();
    assert!(files.len() > 10);
    for (rel, bytes) in &files {
        let text = String::from_utf8_lossy(bytes);
        for secret in [
            "PRIVATE",
            "13800000001",
            "13900000009",
            "DRAFT-BODY-TEXT",
            "草稿报告不应发布",
            "GPS-SECRET",
        ] {
            assert!(!text.contains(secret), "{rel} contains {secret}");
        }
    }
}

// Script in names, posts, bios and reports is printed as text or removed, never run.
#[test]
fn hostile_markup_is_inert() {
    let site = Site::from_fixture("build/basic");
    site.build_ok();
    for (rel, bytes) in site.files() {
        if !rel.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap().to_lowercase();
        // The fixture's payloads, each of which would run or load something if it
        // survived as markup (the theme's own scripts are not the content's).
        let bad_things = [
            "<script>alert",
            "onerror=\"alert",
            "onerror=alert",
            "onclick=\"alert",
            "href=\"javascript:",
            "<iframe",
            "display:none",
            "evil.example",
            "data:text/html",
        ];
        for bad in bad_things {
            assert!(!html.contains(bad), "{rel} contains {bad}");
        }
    }
    let page = site.page("representatives/xss/index.html");
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "the name is shown as text"
    );
}

// Two builds of the same input are byte-identical.
#[test]
fn builds_are_reproducible() {
    let site = Site::from_fixture("build/basic");
    site.build_ok();
    let first = site.files();
    site.build_ok();
    assert_eq!(first, site.files());
}

// A build that fails leaves the previous output exactly as it was.
#[test]
fn a_failed_build_keeps_the_previous_output() {
    let site = Site::from_fixture("build/basic");
    site.build_ok();
    let before = site.files();
    std::fs::write(
        site.root.join("content/representatives/li-si.yaml"),
        "name: 李四\nlevle: city\n",
    )
    .unwrap();
    let out = site.build();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("content/representatives/li-si.yaml:2:1"),
        "{stderr}"
    );
    assert_eq!(before, site.files());
}

// A removed record's pages disappear on the next build.
#[test]
fn removed_records_disappear() {
    let site = Site::from_fixture("build/basic");
    site.build_ok();
    assert!(
        site.output()
            .join("representatives/li-si/index.html")
            .is_file()
    );
    std::fs::remove_file(site.root.join("content/representatives/li-si.yaml")).unwrap();
    site.build_ok();
    assert!(!site.output().join("representatives/li-si").exists());
}

// A site's own theme replaces one partial; everything else comes from the default.
#[test]
fn a_theme_overrides_one_file() {
    let site = Site::from_fixture("build/basic");
    let partials = site.root.join("themes/mine/templates/partials");
    std::fs::create_dir_all(&partials).unwrap();
    std::fs::write(
        partials.join("footer.html"),
        "<footer>OWN-FOOTER</footer>\n",
    )
    .unwrap();
    let yaml = std::fs::read_to_string(site.root.join("content/site.yaml")).unwrap();
    std::fs::write(
        site.root.join("content/site.yaml"),
        format!("{yaml}theme: mine\n"),
    )
    .unwrap();
    site.build_ok();
    let home = site.page("index.html");
    assert!(home.contains("OWN-FOOTER"));
    assert!(home.contains("static/style.css"));
}

// A template error names the template, its line, and the record being rendered.
#[test]
fn template_errors_name_template_line_and_record() {
    let site = Site::from_fixture("build/basic");
    let templates = site.root.join("themes/broken/templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(
        templates.join("representative.html"),
        "{% extends \"base.html\" %}\n{% block main %}\n{{ rep.no_such_field.deeper }}\n{% endblock main %}\n",
    )
    .unwrap();
    let yaml = std::fs::read_to_string(site.root.join("content/site.yaml")).unwrap();
    std::fs::write(
        site.root.join("content/site.yaml"),
        format!("{yaml}theme: broken\n"),
    )
    .unwrap();
    let out = site.build();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("themes/broken/templates/representative.html:3:"),
        "{stderr}"
    );
    assert!(stderr.contains("content/representatives/"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

// Portable links end in index.html, so the output works opened from disk.
#[test]
fn portable_links_end_in_index_html() {
    let site = Site::from_fixture("build/basic");
    let yaml = std::fs::read_to_string(site.root.join("content/site.yaml")).unwrap();
    std::fs::write(
        site.root.join("content/site.yaml"),
        format!("{yaml}links: portable\n"),
    )
    .unwrap();
    site.build_ok();
    let page = site.page("representatives/zhang-san/index.html");
    assert!(
        page.contains("href=\"../../stations/baisha/index.html\""),
        "{page}"
    );
    assert!(
        !attr_values(&page, "href")
            .iter()
            .any(|h| h.ends_with('/') && !h.starts_with("http"))
    );
}

// English sites get English words, dates and lang attributes.
#[test]
fn english_interface() {
    let site = Site::from_fixture("build/basic");
    let yaml = std::fs::read_to_string(site.root.join("content/site.yaml")).unwrap();
    std::fs::write(
        site.root.join("content/site.yaml"),
        format!("{yaml}language: en\n"),
    )
    .unwrap();
    site.build_ok();
    let page = site.page("representatives/zhang-san/index.html");
    assert!(page.contains("<html lang=\"en\">"));
    assert!(
        page.contains("15 December 2026"),
        "upcoming reception date in English"
    );
}

// The <main> of key pages, reviewed by a person (cargo insta review).
#[test]
fn key_pages_snapshots() {
    let site = Site::from_fixture("build/basic");
    site.build_ok();
    for (name, rel) in [
        ("home", "index.html"),
        ("representative", "representatives/zhang-san/index.html"),
        ("former", "representatives/li-si/index.html"),
        ("station", "stations/baisha/index.html"),
        ("report", "reports/jianyi-1/index.html"),
        ("representatives", "representatives/index.html"),
    ] {
        let html = site.page(rel);
        insta::assert_snapshot!(name, main_of(&html));
    }
}

// Representatives can be browsed by region with scripts off: one paginated listing
// per region, linked from the index.
#[test]
fn listings_by_region() {
    let site = Site::from_fixture("build/basic");
    let rep = site.root.join("content/representatives/zhang-san.yaml");
    let yaml = std::fs::read_to_string(&rep).unwrap();
    std::fs::write(&rep, format!("{yaml}region: 测试区白沙街道\n")).unwrap();
    site.build_ok();
    let index = site.page("representatives/index.html");
    assert!(
        index.contains(
            "href=\"../representatives/region/ce-shi-qu-bai-sha-jie-dao/\">测试区白沙街道</a>"
        ),
        "{index}"
    );
    let page = site.page("representatives/region/ce-shi-qu-bai-sha-jie-dao/index.html");
    assert!(page.contains("张三") && !page.contains("李四"));
}
