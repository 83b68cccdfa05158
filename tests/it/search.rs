//! Search: the index written at build time, and the page script finding people in a
//! real browser, opened from disk (no server).

use std::process::Command;

use crate::build::Site;

/// The names a search for `q` shows on `page`, as headless Chromium renders it.
fn search_in_browser(site: &Site, page: &str, q: &str) -> Option<Vec<String>> {
    let have = Command::new("sh")
        .args(["-c", "command -v chromium"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !have {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have chromium (tests/run.sh installs it)"
        );
        return None;
    }
    let url = format!("file://{}?q={}", site.output().join(page).display(), q);
    let out = crate::print::chromium(&site.root)
        .args(["--virtual-time-budget=5000", "--dump-dom"])
        .arg(url)
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&out.stdout).into_owned();
    let names = dom
        .split("class=\"search-hit")
        .skip(1)
        .filter_map(|hit| {
            hit.split("</a>")
                .next()?
                .rsplit('>')
                .next()
                .map(str::to_owned)
        })
        .collect();
    Some(names)
}

// Pinyin initials, full pinyin and the Chinese name all find 张三, from disk.
#[test]
fn finds_a_representative_by_initials_pinyin_and_name() {
    let site = Site::from_fixture("build/basic");
    site.build_ok();
    for q in ["zs", "zhangsan", "zhang%20san", "%E5%BC%A0%E4%B8%89"] {
        let Some(names) = search_in_browser(&site, "index.html", q) else {
            return;
        };
        assert_eq!(names, ["张三"], "query {q}");
    }
    let Some(names) = search_in_browser(&site, "representatives/index.html", "%E7%99%BD%E6%B2%99")
    else {
        return;
    };
    assert!(
        names.contains(&"张三".to_owned()),
        "a station name finds its members: {names:?}"
    );
}

// A small site gets one index file; it holds pinyin and initials, and a name
// holding `</script>` cannot end the script.
#[test]
fn a_small_site_has_one_index_file() {
    let site = Site::from_fixture("build/basic");
    site.build_ok();
    assert_eq!(
        site.page("search/manifest.js"),
        "window.RD_SEARCH_MANIFEST={\"shards\":false};\n"
    );
    let all = site.page("search/all.js");
    assert!(all.contains("\"zhangsan\",\"zs\""), "{all}");
    assert!(!all.contains("</script>") && all.contains("<\\/script>"));
}

// A large site is split by the first letter of the pinyin, with a map from each
// name's first character to its part, so a query loads one part only.
#[test]
fn a_large_site_is_split_by_first_letter() {
    let site = Site::from_fixture("build/basic");
    let dir = site.root.join("content/representatives");
    for i in 0..3001 {
        let name = ["王", "李", "赵"][i % 3];
        std::fs::write(
            dir.join(format!("gen-{i:04}.yaml")),
            format!("name: {name}某{i}\nlevel: county\n"),
        )
        .unwrap();
    }
    site.build_ok();
    let manifest = site.page("search/manifest.js");
    assert!(manifest.contains("\"shards\":true"), "{manifest}");
    assert!(
        manifest.contains("\"王\":\"w\"") && manifest.contains("\"李\":\"l\""),
        "{manifest}"
    );
    let w = site.page("search/w.js");
    assert!(
        w.starts_with("window.RD_SEARCH_SHARDS[\"w\"]=")
            && w.contains("王某0")
            && !w.contains("李某1")
    );
    assert!(!site.output().join("search/all.js").exists());
}
