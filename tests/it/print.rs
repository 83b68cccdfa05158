//! Printed codes: QR files that decode to the short link, short links that lead to the
//! right page, codes that survive renames and removals, and boards that scan on paper.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use crate::build::Site;

/// `CODE: id` pairs of the site's codes.yaml.
fn codes(site: &Site) -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(site.root.join("content/codes.yaml")).unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (code, id) = l.split_once(": ").unwrap();
            (code.trim_matches('"').to_owned(), id.to_owned())
        })
        .collect()
}

fn decode_png(path: &Path) -> Vec<String> {
    let img = image::open(path).unwrap().to_luma8();
    let mut prepared = rqrr::PreparedImage::prepare(img);
    prepared
        .detect_grids()
        .iter()
        .map(|g| g.decode().unwrap().1)
        .collect()
}

/// The URL a short-link page sends its reader to.
fn refresh_target(html: &str) -> &str {
    let start = html.find("url=").unwrap() + 4;
    &html[start..start + html[start..].find('"').unwrap()]
}

// Every qr/<id>.png decodes to the short link of that representative's code, and that
// short link's page leads to the representative's page.
#[test]
fn every_qr_code_scans_to_the_right_page() {
    let site = Site::from_fixture("build/basic");
    site.build_ok();
    let codes = codes(&site);
    assert!(codes.len() >= 3, "{codes:?}");
    for (code, id) in &codes {
        let decoded = decode_png(&site.output().join(format!("qr/{id}.png")));
        assert_eq!(decoded, [format!("HTTPS://RD.EXAMPLE.GOV.CN/R/{code}")]);
        let short = site.output().join(format!("R/{code}/index.html"));
        let target = refresh_target(&std::fs::read_to_string(&short).unwrap()).to_owned();
        let page = short.parent().unwrap().join(&target).join("index.html");
        assert_eq!(
            std::fs::canonicalize(page).unwrap(),
            std::fs::canonicalize(
                site.output()
                    .join(format!("representatives/{id}/index.html"))
            )
            .unwrap()
        );
    }
}

// The PNG is 1-bit, at least 10 pixels a module, and records 300 dpi.
#[test]
fn png_codes_are_print_ready() {
    let site = Site::from_fixture("build/basic");
    site.build_ok();
    let bytes = std::fs::read(site.output().join("qr/zhang-san.png")).unwrap();
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let reader = decoder.read_info().unwrap();
    let info = reader.info();
    assert_eq!(info.bit_depth, png::BitDepth::One);
    let dims = info.pixel_dims.unwrap();
    assert_eq!((dims.xppu, dims.unit), (11811, png::Unit::Meter));
    // Version 3 is 29 modules; with the quiet zone 37 modules.
    assert!(info.width >= 37 * 10, "{} px", info.width);
}

// Codes are never changed or reused: a removed representative's code stays in the
// file and its short link still leads somewhere useful.
#[test]
fn codes_outlive_their_records() {
    let site = Site::from_fixture("build/basic");
    site.build_ok();
    let before = codes(&site);
    let (li_si_code, _) = before.iter().find(|(_, id)| *id == "li-si").unwrap();
    std::fs::remove_file(site.root.join("content/representatives/li-si.yaml")).unwrap();
    site.build_ok();
    let after = codes(&site);
    assert_eq!(before, after);
    let page = site.page(&format!("R/{li_si_code}/index.html"));
    assert!(
        refresh_target(&page).ends_with("representatives/"),
        "{page}"
    );
}

// A renamed representative (old id in `aliases`) keeps the printed code.
#[test]
fn a_rename_keeps_the_code() {
    let site = Site::from_fixture("build/basic");
    site.build_ok();
    let code = codes(&site)
        .into_iter()
        .find(|(_, id)| id == "zhang-san")
        .unwrap()
        .0;
    let dir = site.root.join("content/representatives");
    let yaml = std::fs::read_to_string(dir.join("zhang-san.yaml")).unwrap();
    std::fs::remove_file(dir.join("zhang-san.yaml")).unwrap();
    std::fs::write(
        dir.join("zhang-sanfeng.yaml"),
        format!("{yaml}aliases: [zhang-san]\n"),
    )
    .unwrap();
    for path in [
        "content/stations/baisha.yaml",
        "content/groups/caijing.yaml",
        "content/reports/2026/jianyi-1.md",
    ] {
        let text = std::fs::read_to_string(site.root.join(path)).unwrap();
        std::fs::write(
            site.root.join(path),
            text.replace("zhang-san", "zhang-sanfeng"),
        )
        .unwrap();
    }
    site.build_ok();
    assert!(
        !codes(&site).values().any(|id| id == "zhang-sanfeng"),
        "no new code was given"
    );
    let decoded = decode_png(&site.output().join("qr/zhang-sanfeng.png"));
    assert_eq!(decoded, [format!("HTTPS://RD.EXAMPLE.GOV.CN/R/{code}")]);
    assert!(
        site.page("representatives/zhang-san/index.html")
            .contains("zhang-sanfeng/")
    );
}

// Without base_url the site builds with a warning, and without codes or boards.
#[test]
fn no_base_url_means_no_codes() {
    let site = Site::from_fixture("build/basic");
    let path = site.root.join("content/site.yaml");
    let yaml = std::fs::read_to_string(&path).unwrap();
    let yaml: String = yaml
        .lines()
        .filter(|l| !l.starts_with("base_url"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&path, yaml).unwrap();
    let out = site.build();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("base_url"));
    assert!(!site.output().join("qr").exists() && !site.output().join("boards").exists());
    assert!(!site.root.join("content/codes.yaml").exists());
}

/// Headless Debian Chromium with a fresh profile under `work`, and nothing that reaches
/// for the network on its own.
pub(crate) fn chromium(work: &Path) -> Command {
    let mut cmd = Command::new("chromium");
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ])
    .arg(format!(
        "--user-data-dir={}",
        work.join("profile").display()
    ));
    cmd
}

/// Prints `page` to a PDF in `work` with headless Chromium, as a person would.
fn print_to_pdf(page: &Path, work: &Path) -> std::path::PathBuf {
    let pdf = work.join("print.pdf");
    let out = chromium(work)
        .arg("--no-pdf-header-footer")
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap();
    assert!(
        pdf.is_file(),
        "no PDF: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    pdf
}

/// Rasterises every page of `pdf` at `dpi` (pdftoppm) and scans each for QR codes
/// (zbarimg): the number of pages, and every code found, in page order.
fn scan_pdf(pdf: &Path, dpi: u32) -> (usize, Vec<String>) {
    let dir = pdf.with_extension("pages");
    std::fs::create_dir_all(&dir).unwrap();
    let status = Command::new("pdftoppm")
        .args(["-r", &dpi.to_string(), "-png"])
        .arg(pdf)
        .arg(dir.join("page"))
        .status()
        .unwrap();
    assert!(status.success());
    let mut pages: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    pages.sort();
    let mut found = Vec::new();
    for page in &pages {
        let out = Command::new("zbarimg")
            .args(["-q", "--raw"])
            .arg(page)
            .output()
            .unwrap();
        found.extend(
            String::from_utf8_lossy(&out.stdout)
                .lines()
                .map(str::to_owned),
        );
    }
    (pages.len(), found)
}

/// True when the printing tools are here; in CI their absence is a failure.
fn have_print_tools() -> bool {
    if tool("chromium") && tool("pdftoppm") && tool("zbarimg") {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "CI must have chromium, pdftoppm and zbarimg (tests/run.sh installs them)"
    );
    eprintln!("skipped: chromium, pdftoppm or zbarimg missing (run tests/run.sh to install them)");
    false
}

// A representative's page prints as one 90 × 54 mm card whose code scans.
#[test]
fn representative_page_prints_as_a_card() {
    if !have_print_tools() {
        return;
    }
    let site = Site::from_fixture("build/basic");
    site.build_ok();
    let work = site.root.join("print");
    std::fs::create_dir_all(&work).unwrap();
    let pdf = print_to_pdf(
        &site.output().join("representatives/zhang-san/index.html"),
        &work,
    );
    let info = Command::new("pdfinfo").arg(&pdf).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains("Pages:           1"), "{info}");
    // 90 × 54 mm = 255.12 × 153.07 pt.
    assert!(info.contains("Page size:       255.1"), "{info}");
    let (_, found) = scan_pdf(&pdf, 200);
    let code = codes(&site)
        .into_iter()
        .find(|(_, id)| id == "zhang-san")
        .unwrap()
        .0;
    assert_eq!(
        found.join("\n"),
        format!("HTTPS://RD.EXAMPLE.GOV.CN/R/{code}")
    );
}

fn tool(name: &str) -> bool {
    Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {name}"))
        .output()
        .is_ok_and(|o| o.status.success())
}

// A board printed by a real browser on A4 has the promised number of pages and one
// scannable code per representative of the station (chromium, pdftoppm, zbarimg).
#[test]
fn printed_boards_scan() {
    if !have_print_tools() {
        return;
    }
    let site = Site::from_fixture("build/basic");
    // Enough representatives at one station for two sheets.
    for i in 0..7 {
        std::fs::write(
            site.root
                .join(format!("content/representatives/extra-{i}.yaml")),
            format!(
                "name: 测试代表{i}\nlevel: county\nstations: [baisha]\noccupation: 社区工作者\n"
            ),
        )
        .unwrap();
    }
    site.build_ok();
    let board = site.output().join("boards/baisha/index.html");
    let members: usize = 9; // zhang-san, xss and the seven extras; li-si is former
    let work = site.root.join("print");
    std::fs::create_dir_all(&work).unwrap();
    let pdf = print_to_pdf(&board, &work);
    let (pages, mut found) = scan_pdf(&pdf, 150);
    assert_eq!(
        pages,
        members.div_ceil(6),
        "A4 portrait holds 6 tiles a page"
    );
    found.sort();
    let codes = codes(&site);
    let mut expected: Vec<String> = codes
        .iter()
        .filter(|(_, id)| *id != "li-si")
        .map(|(code, _)| format!("HTTPS://RD.EXAMPLE.GOV.CN/R/{code}"))
        .collect();
    expected.sort();
    assert_eq!(found, expected);
}

// Every board of the example site, printed by Chromium on A4 and rasterised at 150 dpi,
// has the pages its layout promises and one scannable code per current representative
// of the station (plus the sample WeChat code where its owner is on the board).
#[test]
fn every_board_of_the_example_site_scans() {
    if !have_print_tools() {
        return;
    }
    let (dir, site) = crate::example_site::build_example();
    let codes: BTreeMap<String, String> = std::fs::read_to_string(site.join("content/codes.yaml"))
        .unwrap()
        .lines()
        .filter_map(|l| l.split_once(": "))
        .map(|(c, id)| (c.trim_matches('"').to_owned(), id.to_owned()))
        .collect();
    // Every QR image of the example site decodes (rqrr) to its representative's link.
    for (code, id) in &codes {
        let decoded = decode_png(&site.join(format!("output/qr/{id}.png")));
        assert_eq!(
            decoded,
            [format!("HTTPS://RD.EXAMPLE.GOV.CN/R/{code}")],
            "{id}"
        );
    }
    let boards: Vec<_> = std::fs::read_dir(site.join("output/boards"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    assert!(boards.len() >= 3, "{boards:?}");
    for board in boards {
        let station = board.file_name().unwrap().to_string_lossy().into_owned();
        let html = std::fs::read_to_string(board.join("index.html")).unwrap();
        // The representatives on the board, by the links of their tiles' QR images.
        let ids: Vec<String> = html
            .match_indices("/qr/")
            .map(|(i, _)| html[i + 4..].split(".svg").next().unwrap().to_owned())
            .collect();
        assert!(!ids.is_empty(), "{station}: an empty board");
        let work = dir.path().join(format!("print-{station}"));
        std::fs::create_dir_all(&work).unwrap();
        let pdf = print_to_pdf(&board.join("index.html"), &work);
        let (pages, found) = scan_pdf(&pdf, 150);
        assert_eq!(
            pages,
            ids.len().div_ceil(6),
            "{station}: pages for {} representatives",
            ids.len()
        );
        let wechat = found.iter().filter(|f| !f.starts_with("HTTPS://")).count();
        assert_eq!(
            wechat,
            usize::from(ids.iter().any(|id| id == "lin-yue")),
            "{station}: {found:?}"
        );
        let mut scanned: Vec<String> = found
            .iter()
            .filter_map(|f| f.strip_prefix("HTTPS://RD.EXAMPLE.GOV.CN/R/"))
            .map(|code| codes[code].clone())
            .collect();
        scanned.sort();
        let mut expected = ids.clone();
        expected.sort();
        assert_eq!(scanned, expected, "{station}");
    }
}

// Broken photos give a clear error naming the record's line, never a panic, and
// the previous output stays.
#[test]
fn broken_photos_are_refused_by_name() {
    let png_header_only = b"\x89PNG\r\n\x1a\n".to_vec();
    for (name, bytes) in [
        ("text.jpg", b"this is not a picture\n".to_vec()),
        ("empty.jpg", Vec::new()),
        ("truncated.png", png_header_only),
    ] {
        let site = Site::from_fixture("build/basic");
        site.build_ok();
        let before = site.files();
        std::fs::write(site.root.join("content/media").join(name), bytes).unwrap();
        let rep = site.root.join("content/representatives/li-si.yaml");
        let yaml = std::fs::read_to_string(&rep).unwrap();
        std::fs::write(&rep, format!("{yaml}photo: media/{name}\n")).unwrap();
        let out = site.build();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{name}: {stderr}");
        assert!(
            stderr.contains("content/representatives/li-si.yaml:5:8"),
            "{name}: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert_eq!(before, site.files(), "{name}: the previous output changed");
    }
}
