//! `repdir check` on broken sites: every mistake is reported with its code, file, line
//! and a message that says what to do; warnings do not fail the check; nothing panics.
//!
//! Most cases are a fixture `tests/fixtures/invalid/<case>/` holding exactly one mistake
//! (so each asserts `diagnostic_count(1)`). Mistakes git cannot hold (odd bytes,
//! symlinks, huge or empty files) are made by the harness from `valid-minimal`.

use std::time::Duration;

use crate::harness::SiteTest;

const ZHANG_SAN: &str = "content/representatives/zhang-san.yaml";
const WANG_WU: &str = "content/representatives/wang-wu.yaml";
const BAISHA: &str = "content/stations/baisha.yaml";
const Q1: &str = "content/reports/2026/q1.md";

/// Runs `repdir check` on `tests/fixtures/invalid/<case>`.
fn check_invalid(case: &str) -> crate::harness::Run {
    SiteTest::from_fixture(&format!("invalid/{case}")).run(&["check"])
}

// ---------------------------------------------------------------- valid sites

#[test]
fn passes_the_minimal_valid_site() {
    // The smallest complete site checks clean: exit 0, no error, no warning.
    SiteTest::from_fixture("valid-minimal")
        .run(&["check"])
        .expect_success()
        .no_diagnostics()
        .stderr_contains("检查完成：没有错误，0 个警告");
}

#[test]
fn accepts_english_keys_and_chinese_labels() {
    // Enumerations take the English key, the Chinese label, or `key (标签)`.
    SiteTest::from_fixture("valid-minimal")
        .edit(ZHANG_SAN, |t| {
            t.replace("level: county", "level: county (县级)\ngender: male")
        })
        .edit("content/representatives/li-si.yaml", |t| {
            t.replace("level: county", "level: 县级\ngender: 女")
        })
        .edit(BAISHA, |t| {
            t.replace("name:", "tier: 联络站\nkind: fixed\nname:")
        })
        .edit("content/reports/2026/zhang-san-report-back.md", |t| {
            t.replace("kind: report-back", "kind: 述职")
        })
        .edit("content/reports/2026/school-traffic.md", |t| {
            t.replace("status: handling", "status: 办理中")
        })
        .run(&["check"])
        .expect_success()
        .no_diagnostics();
}

#[test]
fn accepts_bom_and_crlf_silently() {
    // Files saved by Windows Notepad (UTF-8 BOM, CRLF line ends) give no diagnostic at all.
    let site = SiteTest::from_fixture("valid-minimal");
    for entry in walkdir::WalkDir::new(site.root().join("content")) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            let crlf = format!("\u{feff}{}", text.replace('\n', "\r\n"));
            std::fs::write(entry.path(), crlf).unwrap();
        }
    }
    site.run(&["check"]).expect_success().no_diagnostics();
}

#[test]
fn does_not_warn_about_a_private_mobile() {
    // A mobile number marked `public: false` is never published, so no warning.
    SiteTest::from_fixture("valid-minimal")
        .edit(ZHANG_SAN, |t| {
            t + "  - kind: mobile\n    value: \"13800000001\"\n    public: false\n"
        })
        .run(&["check"])
        .expect_success()
        .no_diagnostics();
}

// ---------------------------------------------------------------- fields

#[test]
fn errors_on_unknown_field_with_did_you_mean() {
    // A typo in a key is an error at the key's line and column, with the nearest field.
    check_invalid("unknown-field")
        .expect_failure()
        .diagnostic_count(1)
        .diagnostic("unknown-field", BAISHA, Some(3))
        .column(1)
        .message_contains("未知字段“phnoe”")
        .message_contains("是不是要写“phone”")
        .stderr_contains(
            "content/stations/baisha.yaml:3:1: 错误: 未知字段“phnoe”，是不是要写“phone”？",
        )
        .stderr_contains("检查完成：1 个文件有错误，共 1 个错误，0 个警告");
}

#[test]
fn errors_on_unknown_field_in_english() {
    // With `language: en` in site.yaml the same mistake is reported in English.
    SiteTest::from_fixture("invalid/unknown-field")
        .edit("content/site.yaml", |t| t + "language: en\n")
        .run(&["check"])
        .expect_failure()
        .diagnostic_count(1)
        .diagnostic("unknown-field", BAISHA, Some(3))
        .message_contains("unknown field \"phnoe\", did you mean \"phone\"?")
        .stderr_contains(
            "content/stations/baisha.yaml:3:1: error: unknown field \"phnoe\", did you mean \"phone\"?",
        )
        .stderr_contains("check failed: 1 error(s) in 1 file(s), 0 warning(s)");
}

#[test]
fn errors_on_unknown_field_inside_a_list_item() {
    // A typo in a contact points at the nested key (column 5) and names it `contacts.lable`.
    check_invalid("unknown-field-nested")
        .expect_failure()
        .diagnostic_count(1)
        .diagnostic("unknown-field", ZHANG_SAN, Some(6))
        .column(5)
        .message_contains("“contacts.lable”")
        .message_contains("“label”");
}

#[test]
fn errors_on_missing_name() {
    // A representative without a name is an error at the top of the record.
    check_invalid("missing-name")
        .expect_failure()
        .diagnostic_count(1)
        .diagnostic("missing-field", ZHANG_SAN, Some(1))
        .message_contains("缺少必填字段“name”");
}

#[test]
fn errors_on_missing_level() {
    // `level` is required too.
    check_invalid("missing-level")
        .expect_failure()
        .diagnostic_count(1)
        .diagnostic("missing-field", ZHANG_SAN, Some(1))
        .message_contains("缺少必填字段“level”");
}

#[test]
fn errors_on_report_without_title() {
    // Front matter lines count from the top of the .md file: the block starts on line 2.
    check_invalid("report-missing-title")
        .expect_failure()
        .diagnostic_count(1)
        .diagnostic("missing-field", Q1, Some(2))
        .message_contains("缺少必填字段“title”");
}

#[test]
fn errors_on_report_without_date() {
    // A report needs a date.
    check_invalid("report-missing-date")
        .expect_failure()
        .diagnostic_count(1)
        .diagnostic("missing-field", Q1, Some(2))
        .message_contains("缺少必填字段“date”");
}

#[test]
fn errors_on_report_without_kind() {
    // A report needs a kind.
    check_invalid("report-missing-kind")
        .expect_failure()
        .diagnostic_count(1)
        .diagnostic("missing-field", Q1, Some(2))
        .message_contains("缺少必填字段“kind”");
}

#[test]
fn errors_on_list_where_text_is_expected() {
    // A list under a text field is a type error at the list's first item.
    check_invalid("wrong-type")
        .expect_failure()
        .diagnostic_count(1)
        .diagnostic("wrong-type", ZHANG_SAN, Some(4))
        .column(3)
        .message_contains("“occupation”应当是一段文字");
}

#[test]
fn errors_on_bad_level() {
    // An unknown enumeration value lists what is allowed, as `key (标签)`.
    check_invalid("bad-level")
        .expect_failure()
        .diagnostic_count(1)
        .diagnostic("bad-choice", ZHANG_SAN, Some(2))
        .column(8)
        .message_contains("“galactic”无效")
        .message_contains("county (县级)");
}

#[test]
fn errors_on_impossible_date() {
    // 2026-02-30 does not exist; the message shows the expected form.
    check_invalid("bad-date")
        .expect_failure()
        .diagnostic_count(1)
        .diagnostic("bad-date", ZHANG_SAN, Some(4))
        .message_contains("“term.start”的日期“2026-02-30”无效")
        .message_contains("YYYY-MM-DD");
}

#[test]
fn errors_on_term_start_after_end() {
    // A term that ends before it starts is reported at `start`.
    check_invalid("term-reversed")
        .expect_failure()
        .diagnostic_count(1)
        .diagnostic("dates-reversed", ZHANG_SAN, Some(4))
        .message_contains("“term.start”晚于“term.end”");
}

#[test]
fn errors_on_bad_base_url() {
    // site.yaml is checked like any record: a bare host is not a URL.
    check_invalid("bad-base-url")
        .expect_failure()
        .diagnostic_count(1)
        .diagnostic("bad-url", "content/site.yaml", Some(2))
        .column(11)
        .message_contains("“rd.example.gov.cn”无效");
}

// ---------------------------------------------------------------- ids

#[test]
fn errors_on_chinese_file_name_and_suggests_pinyin() {
    // `张三.yaml` cannot be an id; the message suggests `zhang-san`.
    check_invalid("chinese-file-name")
        .expect_failure()
        .diagnostic_count(1)
        .diagnostic("bad-id", "content/representatives/张三.yaml", None)
        .message_contains("建议改名为“zhang-san”");
}

#[test]
fn errors_on_chinese_file_name_in_english() {
    // The pinyin suggestion in English.
    SiteTest::from_fixture("invalid/chinese-file-name")
        .edit("content/site.yaml", |t| t + "language: en\n")
        .run(&["check"])
        .expect_failure()
        .diagnostic("bad-id", "content/representatives/张三.yaml", None)
        .stderr_contains(
            "content/representatives/张三.yaml: error: \"张三\" cannot be an id: \
             use lower-case letters, digits and hyphens; rename it to \"zhang-san\"",
        );
}

#[test]
fn errors_on_upper_case_id() {
    // Ids are lower case; `Zhang-San.yaml` is told to become `zhang-san`.
    check_invalid("upper-case-id")
        .expect_failure()
        .diagnostic_count(1)
        .diagnostic("bad-id", "content/representatives/Zhang-San.yaml", None)
        .message_contains("“zhang-san”");
}

#[test]
fn errors_on_same_id_with_yaml_and_yml() {
    // `zhang-san.yaml` and `zhang-san.yml` are one id twice; the second names the first.
    check_invalid("duplicate-id")
        .expect_failure()
        .diagnostic_count(1)
        .diagnostic(
            "duplicate-id",
            "content/representatives/zhang-san.yml",
            None,
        )
        .message_contains("代表编号“zhang-san”重复")
        .message_contains("content/representatives/zhang-san.yaml");
}

#[test]
fn errors_on_same_report_slug_in_two_folders() {
    // Report slugs are unique across all folders of reports/.
    check_invalid("duplicate-report-slug")
        .expect_failure()
        .diagnostic_count(1)
        .diagnostic("duplicate-id", "content/reports/2026/annual.md", None)
        .message_contains("报告编号“annual”重复")
        .message_contains("content/reports/2025/annual.md");
}

#[test]
fn errors_on_alias_claimed_twice() {
    // An earlier id can lead to one representative only.
    check_invalid("duplicate-alias")
        .expect_failure()
        .diagnostic_count(1)
        .diagnostic("duplicate-alias", ZHANG_SAN, Some(4))
        .column(5)
        .message_contains("曾用编号“wang-wu”")
        .message_contains("content/representatives/li-si.yaml");
}

// ---------------------------------------------------------------- references

#[test]
fn errors_on_unknown_station_with_did_you_mean() {
    // A misspelt station id is reported where it is written, with the nearest id.
    check_invalid("unknown-station")
        .expect_failure()
        .diagnostic_count(1)
        .diagnostic("unknown-reference", ZHANG_SAN, Some(4))
        .column(5)
        .message_contains("没有编号为“baisah”的联络站")
        .message_contains("是不是“baisha”");
}

#[test]
fn errors_on_unknown_group_with_did_you_mean() {
    // Same for groups.
    check_invalid("unknown-group")
        .expect_failure()
        .diagnostic_count(1)
        .diagnostic("unknown-reference", ZHANG_SAN, Some(4))
        .message_contains("没有编号为“eduction”的代表小组")
        .message_contains("是不是“education”");
}

#[test]
fn errors_on_unknown_representative_in_report() {
    // A reference in front matter points at its line in the .md file (EXAMPLES.md §3).
    check_invalid("unknown-representative")
        .expect_failure()
        .diagnostic_count(1)
        .diagnostic("unknown-reference", Q1, Some(6))
        .column(5)
        .message_contains("没有编号为“zhang-sna”的代表")
        .message_contains("是不是“zhang-san”");
}

#[test]
fn errors_on_rota_naming_unknown_representative() {
    // A reception day naming nobody on file is an error at that name.
    check_invalid("rota-unknown-representative")
        .expect_failure()
        .diagnostic_count(1)
        .diagnostic("unknown-reference", BAISHA, Some(6))
        .column(9)
        .message_contains("没有编号为“wang-wu”的代表");
}

#[test]
fn warns_on_rota_naming_representative_of_another_station() {
    // A rota naming a representative not assigned to the station is only a warning.
    check_invalid("rota-not-member")
        .expect_success()
        .diagnostic_count(1)
        .diagnostic("rota-not-member", BAISHA, Some(5))
        .severity("warning")
        .message_contains("“zhang-san”没有登记在“baisha”")
        .stderr_contains("content/stations/baisha.yaml:5:9: 警告: ")
        .stderr_contains("检查完成：没有错误，1 个警告");
}

#[test]
fn errors_on_unknown_convenor() {
    // A group's convenor must be a representative on file.
    check_invalid("convenor-unknown")
        .expect_failure()
        .diagnostic_count(1)
        .diagnostic(
            "unknown-reference",
            "content/groups/education.yaml",
            Some(2),
        )
        .column(11)
        .message_contains("没有编号为“wang-wu”的代表");
}

#[test]
fn errors_on_parent_cycle() {
    // Two stations each other's parent: both are told, with the chain.
    check_invalid("parent-cycle")
        .expect_failure()
        .diagnostic_count(2)
        .diagnostic("parent-cycle", BAISHA, Some(3))
        .message_contains("baisha → jiangdong → baisha")
        .diagnostic("parent-cycle", "content/stations/jiangdong.yaml", Some(3))
        .message_contains("jiangdong → baisha → jiangdong");
}

// ---------------------------------------------------------------- paths

#[test]
fn errors_on_photo_path_with_dot_dot() {
    // `..` may not leave content/, even when the file exists out there.
    check_invalid("photo-outside")
        .expect_failure()
        .diagnostic_count(1)
        .diagnostic("path-outside", ZHANG_SAN, Some(3))
        .column(8)
        .message_contains("“../secret.jpg”指向 content 文件夹之外");
}

#[test]
fn errors_on_missing_photo() {
    // A photo that is not there is reported with the path as written.
    check_invalid("photo-missing")
        .expect_failure()
        .diagnostic_count(1)
        .diagnostic("path-missing", ZHANG_SAN, Some(3))
        .message_contains("找不到文件“media/zhang-san.jpg”");
}

#[cfg(unix)]
#[test]
fn errors_on_symlink_leading_out_of_content() {
    // A record that is a symlink to a file outside content/ is refused, not read.
    SiteTest::from_fixture("valid-minimal")
        .write("outside.yaml", "name: 王五\nlevel: county\n")
        .symlink("../../outside.yaml", WANG_WU)
        .run(&["check"])
        .expect_failure()
        .diagnostic_count(1)
        .diagnostic("path-outside", WANG_WU, None)
        .message_contains("content 文件夹之外");
}

// ---------------------------------------------------------------- reports

#[test]
fn errors_on_suggestion_without_status() {
    // A suggestion report must say how far its handling has come.
    check_invalid("suggestion-without-status")
        .expect_failure()
        .diagnostic_count(1)
        .diagnostic(
            "suggestion-missing",
            "content/reports/2026/school-traffic.md",
            Some(6),
        )
        .message_contains("status");
}

#[test]
fn errors_on_report_without_front_matter() {
    // A report must open with a `---` block.
    check_invalid("report-no-front-matter")
        .expect_failure()
        .diagnostic_count(1)
        .diagnostic("front-matter-missing", Q1, Some(1))
        .message_contains("以 --- 包围的信息块");
}

#[test]
fn errors_on_unclosed_front_matter() {
    // A block opened by `---` and never closed.
    check_invalid("report-unclosed-front-matter")
        .expect_failure()
        .diagnostic_count(1)
        .diagnostic("front-matter-unclosed", Q1, Some(1))
        .message_contains("没有用 --- 结束");
}

// ---------------------------------------------------------------- YAML

#[test]
fn errors_on_tab_indentation_at_its_line() {
    // A tab used for indentation is a syntax error on that line, with a hint about tabs.
    check_invalid("yaml-tab")
        .expect_failure()
        .diagnostic_count(1)
        .diagnostic("yaml-syntax", ZHANG_SAN, Some(4))
        .message_contains("YAML 格式错误")
        .message_contains("Tab");
}

#[test]
fn errors_on_tab_in_front_matter_at_its_line_in_the_md_file() {
    // Syntax errors in front matter count lines from the top of the .md file (Zola #1138).
    check_invalid("report-yaml-tab")
        .expect_failure()
        .diagnostic_count(1)
        .diagnostic("yaml-syntax", Q1, Some(6))
        .message_contains("Tab");
}

#[test]
fn errors_on_duplicate_key() {
    // The same field twice is refused at the second one, not silently overwritten.
    check_invalid("duplicate-key")
        .expect_failure()
        .diagnostic_count(1)
        .diagnostic("yaml-syntax", ZHANG_SAN, Some(3))
        .message_contains("duplicate key \"name\"")
        .message_contains("同一个字段写了两次");
}

#[test]
fn refuses_alias_bomb_quickly() {
    // Billion laughs: nine levels of nine aliases is refused before anything expands.
    check_invalid("alias-bomb")
        .expect_failure()
        .finished_within(Duration::from_secs(10))
        .diagnostic_count(1)
        // Line 9 is where the running count of expanded nodes passes the limit.
        .diagnostic("yaml-aliases", ZHANG_SAN, Some(9))
        .message_contains("已拒绝读取");
}

#[test]
fn errors_on_yaml_tag() {
    // `!tags` are not part of the format.
    check_invalid("yaml-tag")
        .expect_failure()
        .diagnostic_count(1)
        .diagnostic("yaml-tag", ZHANG_SAN, Some(3))
        .message_contains("YAML 标签");
}

#[test]
fn errors_on_record_that_is_a_list() {
    // A record must be `field: value` lines, not a list.
    check_invalid("not-a-map")
        .expect_failure()
        .diagnostic_count(1)
        .diagnostic("not-a-map", ZHANG_SAN, Some(1))
        .message_contains("“字段: 值”");
}

// ---------------------------------------------------------------- bytes

#[test]
fn refuses_record_over_the_size_limit() {
    // A 2 MB record is refused as too large, quickly, without reading it all.
    let bio = "很".repeat(700_000);
    SiteTest::from_fixture("valid-minimal")
        .write(WANG_WU, format!("name: 王五\nlevel: county\nbio: {bio}\n"))
        .run(&["check"])
        .expect_failure()
        .finished_within(Duration::from_secs(10))
        .diagnostic_count(1)
        .diagnostic("file-too-large", WANG_WU, None)
        .message_contains("1024 KiB");
}

#[test]
fn reads_gbk_record_with_a_warning() {
    // A GBK file from an older Windows editor is read, with advice to save it as UTF-8.
    let (gbk, _, _) = encoding_rs::GBK.encode("name: 王五\nlevel: county\nregion: 雁峰区\n");
    SiteTest::from_fixture("valid-minimal")
        .write(WANG_WU, gbk)
        .run(&["check"])
        .expect_success()
        .diagnostic_count(1)
        .diagnostic("not-utf8", WANG_WU, None)
        .severity("warning")
        .message_contains("GB18030");
}

#[test]
fn reads_gbk_text_without_mojibake() {
    // The decoded text is right: a Chinese key of a GBK file is quoted correctly back.
    let (gbk, _, _) = encoding_rs::GBK.encode("name: 王五\nlevel: county\n职务: 校长\n");
    SiteTest::from_fixture("valid-minimal")
        .write(WANG_WU, gbk)
        .run(&["check"])
        .expect_failure()
        .diagnostic_count(2)
        .diagnostic("not-utf8", WANG_WU, None)
        .diagnostic("unknown-field", WANG_WU, Some(3))
        .message_contains("未知字段“职务”");
}

#[test]
fn refuses_binary_file_named_yaml() {
    // A PNG renamed to .yaml is undecodable, not turned into garbage text.
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x02\0\0\0\x90\x91h6";
    SiteTest::from_fixture("valid-minimal")
        .write(WANG_WU, png)
        .run(&["check"])
        .expect_failure()
        .diagnostic_count(1)
        .diagnostic("undecodable", WANG_WU, None)
        .message_contains("请另存为 UTF-8");
}

#[test]
fn errors_on_zero_byte_record() {
    // An empty file is an error that says so.
    SiteTest::from_fixture("valid-minimal")
        .write(WANG_WU, "")
        .run(&["check"])
        .expect_failure()
        .diagnostic_count(1)
        .diagnostic("empty-file", WANG_WU, None)
        .message_contains("文件是空的");
}

// ---------------------------------------------------------------- personal data

#[test]
fn warns_on_public_mobile_number() {
    // An 11-digit mobile in a public contact is a warning (exit 0) at the value.
    check_invalid("public-mobile")
        .expect_success()
        .diagnostic_count(1)
        .diagnostic("looks-like-mobile", ZHANG_SAN, Some(5))
        .column(12)
        .severity("warning")
        .message_contains("“contacts.value”")
        .message_contains("public: false");
}

#[test]
fn warns_on_id_number_in_bio() {
    // An ID number with a valid check digit in the bio is a warning.
    check_invalid("bio-id-number")
        .expect_success()
        .diagnostic_count(1)
        .diagnostic("looks-like-id-number", ZHANG_SAN, Some(4))
        .severity("warning")
        .message_contains("身份证号码");
}

// ---------------------------------------------------------------- the site

#[test]
fn errors_without_content_folder() {
    // Run outside a site: one error that says to pass --site.
    SiteTest::from_fixture("valid-minimal")
        .remove("content")
        .run(&["check"])
        .expect_failure()
        .diagnostic_count(1)
        .diagnostic("content-missing", "content", None)
        .message_contains("--site");
}

#[test]
fn errors_without_site_yaml() {
    // site.yaml is required, and the message says what to put in it.
    check_invalid("no-site-yaml")
        .expect_failure()
        .diagnostic_count(1)
        .diagnostic("site-yaml-missing", "content/site.yaml", None)
        .message_contains("title");
}

#[test]
fn reports_every_mistake_of_the_site_in_one_run_sorted() {
    // Mistakes in four files are all reported, sorted by path then line.
    let run = SiteTest::from_fixture("valid-minimal")
        .edit("content/groups/education.yaml", |t| {
            t + "descripton: 教育\n"
        })
        .edit("content/reports/2026/zhang-san-report-back.md", |t| {
            t.replace("2026-01-15", "2026-13-01")
        })
        .edit(ZHANG_SAN, |t| {
            t.replace("kind: phone", "kind: fax") + "phnoe: 0734-8000001\n"
        })
        .edit(BAISHA, |t| t.replace("- li-si", "- li-su"))
        .run(&["check"])
        .expect_failure()
        .stderr_contains("检查完成：4 个文件有错误，共 5 个错误，0 个警告");
    let found: Vec<(&str, Option<u32>, &str)> = run
        .diags()
        .iter()
        .map(|d| (d.path.as_str(), d.line, d.code.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("content/groups/education.yaml", Some(3), "unknown-field"),
            (
                "content/reports/2026/zhang-san-report-back.md",
                Some(3),
                "bad-date"
            ),
            (ZHANG_SAN, Some(8), "bad-choice"),
            (ZHANG_SAN, Some(10), "unknown-field"),
            (BAISHA, Some(6), "unknown-reference"),
        ]
    );
    // The text lines come in the same order.
    let text_paths: Vec<&str> = run_lines(&run);
    assert_eq!(
        text_paths,
        [
            "content/groups/education.yaml:3:1",
            "content/reports/2026/zhang-san-report-back.md:3:7",
            "content/representatives/zhang-san.yaml:8:11",
            "content/representatives/zhang-san.yaml:10:1",
            "content/stations/baisha.yaml:6:9",
        ]
    );
}

/// The `path:line:col` of each diagnostic line on stderr.
fn run_lines(run: &crate::harness::Run) -> Vec<&str> {
    run.stderr()
        .lines()
        .filter_map(|l| l.split_once(": ").map(|(at, _)| at))
        .filter(|at| at.starts_with("content/"))
        .collect()
}

// ---------------------------------------------------------------- fixed bugs (found by this corpus)

#[test]
fn passes_a_site_without_groups_folder() {
    // Groups are optional, so a site with no groups/ folder at all is valid.
    SiteTest::from_fixture("valid-minimal")
        .remove("content/groups")
        .edit(ZHANG_SAN, |t| t.replace("groups:\n  - education\n", ""))
        .run(&["check"])
        .expect_success()
        .no_diagnostics();
}

#[test]
fn reports_a_broken_record_once() {
    // li-si.yaml exists; its bad level must not turn into "no representative li-si" elsewhere.
    SiteTest::from_fixture("valid-minimal")
        .edit("content/representatives/li-si.yaml", |t| {
            t.replace("county", "galactic")
        })
        .run(&["check"])
        .expect_failure()
        .diagnostic("bad-choice", "content/representatives/li-si.yaml", Some(2))
        .diagnostic_count(1);
}

#[test]
fn reports_references_also_when_site_yaml_has_an_error() {
    // One run lists every problem (FORMAT.md), even when site.yaml lacks its title.
    SiteTest::from_fixture("valid-minimal")
        .write(
            "content/site.yaml",
            "base_url: https://rd.example.gov.cn/\n",
        )
        .edit(ZHANG_SAN, |t| t.replace("- baisha", "- baisah"))
        .run(&["check"])
        .expect_failure()
        .diagnostic("missing-field", "content/site.yaml", Some(1))
        .diagnostic("unknown-reference", ZHANG_SAN, Some(4));
}

#[test]
fn errors_on_codes_yaml_value_in_plain_words() {
    // `K7QX: [zhang-san]` must be explained without Rust debug output.
    check_invalid("codes-not-an-id")
        .expect_failure()
        .diagnostic_count(1)
        .diagnostic("wrong-type", "content/codes.yaml", Some(1))
        .message_lacks("Node {")
        .message_lacks("Seq(")
        .message_lacks("文件名");
}

#[test]
fn warns_on_public_mobile_with_country_code() {
    // The international form of a mobile number is as personal as the national one.
    SiteTest::from_fixture("invalid/public-mobile")
        .edit(ZHANG_SAN, |t| {
            t.replace("\"13800000001\"", "\"+86 138 0000 0001\"")
        })
        .run(&["check"])
        .expect_success()
        .diagnostic("looks-like-mobile", ZHANG_SAN, Some(5));
}

#[test]
fn errors_on_empty_front_matter_with_missing_fields() {
    // The file has a body; what is missing is title, date and kind.
    let run = SiteTest::from_fixture("valid-minimal")
        .write(Q1, "---\n---\n一季度代表活动综述。\n")
        .run(&["check"])
        .expect_failure();
    let codes: Vec<&str> = run.diags().iter().map(|d| d.code.as_str()).collect();
    assert!(!codes.contains(&"empty-file"), "{codes:?}");
    assert!(codes.contains(&"missing-field"), "{codes:?}");
}

#[test]
fn does_not_call_an_empty_photo_path_outside() {
    // An empty path does not lead anywhere, let alone outside content/.
    let run = SiteTest::from_fixture("valid-minimal")
        .edit(ZHANG_SAN, |t| t + "photo: \"\"\n")
        .run(&["check"]);
    assert!(
        !run.diags().iter().any(|d| d.code == "path-outside"),
        "{:?}",
        run.diags()
    );
}

#[test]
fn points_a_phone_field_in_a_representative_to_contacts() {
    // Representatives have no `phone` field: the message should lead to `contacts`.
    SiteTest::from_fixture("valid-minimal")
        .edit(ZHANG_SAN, |t| t + "phnoe: 0734-8000001\n")
        .run(&["check"])
        .expect_failure()
        .diagnostic("unknown-field", ZHANG_SAN, Some(10))
        .message_contains("contacts");
}

// ---------------------------------------------------------------- fixtures

#[test]
fn every_invalid_fixture_has_a_test() {
    // A fixture folder no test names is dead weight (or a forgotten test).
    let source = include_str!("errors.rs");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid");
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            source.contains(&format!("\"{name}\""))
                || source.contains(&format!("invalid/{name}\"")),
            "tests/fixtures/invalid/{name} is used by no test in errors.rs"
        );
    }
}
