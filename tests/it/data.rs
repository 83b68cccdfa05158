//! Open data: JSON with Popolo names, a CSV Excel reads right, public data only.

use crate::build::Site;

// The JSON files parse and hold every representative, station, group and published
// report, with contacts and memberships under their Popolo names.
#[test]
fn json_exports_hold_the_public_records() {
    let site = Site::from_fixture("build/basic");
    site.build_ok();
    let read = |name: &str| -> serde_json::Value {
        serde_json::from_str(&site.page(&format!("data/{name}"))).unwrap()
    };
    let reps = read("representatives.json");
    let persons = reps["persons"].as_array().unwrap();
    assert_eq!(persons.len(), 3);
    let zhang = persons.iter().find(|p| p["id"] == "zhang-san").unwrap();
    assert_eq!(zhang["name"], "张三");
    assert_eq!(zhang["other_names"][0]["name"], "zhang san");
    assert_eq!(
        zhang["contact_details"].as_array().unwrap().len(),
        1,
        "the non-public mobile is left out"
    );
    assert_eq!(
        zhang["links"][0]["url"],
        "https://rd.example.gov.cn/representatives/zhang-san/"
    );
    let memberships = reps["memberships"].as_array().unwrap();
    assert!(
        memberships
            .iter()
            .any(|m| m["person_id"] == "zhang-san" && m["organization_id"] == "group/caijing")
    );
    assert_eq!(
        read("stations.json")["organizations"][0]["id"],
        "station/baisha"
    );
    assert_eq!(
        read("groups.json")["organizations"][0]["convenor_id"],
        "zhang-san"
    );
    let reports = read("reports.json")["reports"].as_array().unwrap().clone();
    assert!(
        reports.iter().all(|r| r["id"] != "draft-report"),
        "drafts are not published"
    );
    let suggestion = reports.iter().find(|r| r["id"] == "jianyi-1").unwrap();
    assert_eq!(suggestion["suggestion"]["status"], "handling");
}

// The CSV starts with a UTF-8 byte-order mark (Excel then reads Chinese right), has
// one row per representative, and quotes what needs quoting.
#[test]
fn csv_export_opens_in_excel() {
    let site = Site::from_fixture("build/basic");
    let rep = site.root.join("content/representatives/li-si.yaml");
    let yaml = std::fs::read_to_string(&rep).unwrap();
    std::fs::write(
        &rep,
        format!("{yaml}occupation: \"某公司董事长, \\\"老李\\\"\"\n"),
    )
    .unwrap();
    site.build_ok();
    let bytes = std::fs::read(site.output().join("data/representatives.csv")).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 1 + 3);
    assert!(lines[0].starts_with("id,姓名,拼音"));
    assert!(text.contains("\"某公司董事长, \"\"老李\"\"\""), "{text}");
    assert!(!text.contains("13800000001"));
}
