//! Properties over generated input: no input makes a stage panic, and whatever passes
//! `check` builds. A fuzzer explores byte soup; these explore valid-looking structure.

use proptest::prelude::*;

use crate::build::Site;

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    // Any text is either a YAML tree or an error with a position; never a panic.
    #[test]
    fn yaml_parsing_never_panics(text in "\\PC{0,200}") {
        let _ = repdir::yaml::parse(&text);
    }

    // Any text either splits into front matter and body or is refused; the body is a suffix.
    #[test]
    fn front_matter_split_never_panics(text in "(---\\n)?\\PC{0,120}(\\n---\\n)?\\PC{0,60}") {
        if let Ok(parts) = repdir::load::split_front_matter(&text) {
            prop_assert!(text.ends_with(parts.body));
        }
    }

    // Whatever Markdown says, the HTML has no script, handler or javascript: URL.
    #[test]
    fn markdown_output_is_always_inert(
        text in "(<script>|<img src=x onerror=alert(1)>|\\[a\\]\\(javascript:alert\\(1\\)\\)|<a href=\"data:x\">|\\PC){0,40}"
    ) {
        let html = repdir::markdown::to_html(&text).to_lowercase();
        // Text is escaped, so only what stands between `<` and `>` is markup.
        for tag in html.split('<').skip(1).map(|t| t.split('>').next().unwrap_or("")) {
            prop_assert!(!tag.starts_with("script"), "{}", html);
            prop_assert!(!tag.contains("onerror") && !tag.contains("javascript:"), "{}", html);
            prop_assert!(!tag.contains("href=\"data:"), "{}", html);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    // A representative whose file passes `check` renders: any printable name, post and
    // bio, in any of the levels, builds into a page that shows the name escaped.
    #[test]
    fn any_record_that_checks_builds(
        name in "[^\\p{C}\"\\\\]{1,30}",
        post in "[^\\p{C}\"\\\\]{0,60}",
        bio in "\\PC{0,200}",
        level in prop::sample::select(vec!["national", "provincial", "城市", "county", "乡镇", "县级"]),
    ) {
        let site = Site::from_fixture("build/basic");
        let yaml = format!(
            "name: \"{name}\"\nlevel: {level}\noccupation: \"{post}\"\nstations: [baisha]\nbio: {}\n",
            serde_json::to_string(&bio).unwrap()
        );
        std::fs::write(site.root.join("content/representatives/prop.yaml"), yaml).unwrap();
        let check = std::process::Command::new(env!("CARGO_BIN_EXE_repdir"))
            .args(["check", "--site"]).arg(&site.root).output().unwrap();
        let stderr = String::from_utf8_lossy(&check.stderr);
        prop_assert!(!stderr.contains("panicked"), "{}", stderr);
        if check.status.success() {
            let out = site.build();
            prop_assert!(out.status.success(), "checked but did not build: {}", String::from_utf8_lossy(&out.stderr));
            let page = site.page("representatives/prop/index.html");
            let shown = name
                .trim()
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
                .replace('"', "&quot;")
                .replace('\'', "&#39;");
            prop_assert!(page.contains(&shown), "name {:?} not shown as {:?}", name, shown);
        }
    }
}
