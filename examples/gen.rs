//! Writes a realistic generated site, for benchmarks: `cargo run --release --example gen -- N DIR`.
//!
//! N representatives over five levels, N/10 stations (站 with their 点 and 室) with
//! reception rotas, 20 groups, N/2 reports of every kind with Chinese Markdown
//! (headings, lists, a table), and a small generated portrait for one representative
//! in ten. Item i is drawn from its own seed, so the site is the same for the same N.
//! The vocabulary follows shared/bench/gen_peer_sites.py, so peers build equivalent pages.

use std::fmt::Write as _;
use std::path::Path;

const SURNAMES: &[(&str, &str)] = &[
    ("王", "wang"),
    ("李", "li"),
    ("张", "zhang"),
    ("刘", "liu"),
    ("陈", "chen"),
    ("杨", "yang"),
    ("黄", "huang"),
    ("赵", "zhao"),
    ("吴", "wu"),
    ("周", "zhou"),
    ("徐", "xu"),
    ("孙", "sun"),
];
const GIVEN: &[(&str, &str)] = &[
    ("伟", "wei"),
    ("芳", "fang"),
    ("娜", "na"),
    ("秀英", "xiuying"),
    ("敏", "min"),
    ("静", "jing"),
    ("强", "qiang"),
    ("磊", "lei"),
    ("军", "jun"),
    ("洋", "yang"),
    ("建国", "jianguo"),
    ("海燕", "haiyan"),
];
const LEVELS: &[&str] = &["national", "provincial", "city", "county", "township"];
const OCCUPATIONS: &[&str] = &[
    "教师",
    "医生",
    "工程师",
    "农民",
    "企业职工",
    "社区工作者",
    "律师",
    "科研人员",
];
const PARTIES: &[&str] = &[
    "中国共产党",
    "中国民主同盟",
    "九三学社",
    "无党派人士",
    "群众",
];
const STREETS: &[&str] = &["人民路", "解放路", "中山路", "建设路", "和平街", "文化路"];
const SENTENCES: &[&str] = &[
    "依托代表联络站，代表深入走访了群众关切的民生问题，形成了多件高质量建议。",
    "在人代会闭会期间，代表认真听取了老旧小区改造的意见，推动相关部门及时解决。",
    "围绕中心工作，代表广泛收集了交通出行方面的难题，得到了群众的普遍认可。",
    "通过定期接待选民活动，代表持续跟踪了社区养老服务需求，建立了长效工作机制。",
];
const KINDS: &[&str] = &[
    "report-back",
    "suggestion",
    "survey",
    "reception",
    "activity",
    "news",
];

/// SplitMix64: a tiny, good-enough generator with no dependency.
struct Rng(u64);

impl Rng {
    fn new(seed: u64, kind: u64, i: u64) -> Rng {
        Rng(seed ^ kind.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ i.wrapping_mul(0xbf58_476d_1ce4_e5b9))
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

fn prose(r: &mut Rng, chars: usize) -> String {
    let mut out = String::new();
    while out.chars().count() < chars {
        out.push_str(r.pick(SENTENCES));
    }
    out
}

fn rep_id(i: usize) -> String {
    let mut r = Rng::new(1, 1, i as u64);
    let (_, s) = r.pick(SURNAMES);
    let (_, g) = r.pick(GIVEN);
    format!("{s}-{g}-{i:06}")
}

fn level_of(i: usize) -> &'static str {
    // About 0.5% national, 3% provincial, 10% city, 40% county, the rest township.
    match i % 1000 {
        0..5 => LEVELS[0],
        5..35 => LEVELS[1],
        35..135 => LEVELS[2],
        135..535 => LEVELS[3],
        _ => LEVELS[4],
    }
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(n), Some(dir)) = (
        args.get(1).and_then(|a| a.parse::<usize>().ok()),
        args.get(2),
    ) else {
        eprintln!("usage: gen N DIR");
        std::process::exit(2);
    };
    let content = Path::new(dir).join("content");
    let _ = std::fs::remove_dir_all(&content);
    for sub in [
        "representatives",
        "stations",
        "groups",
        "reports",
        "media/photos",
    ] {
        std::fs::create_dir_all(content.join(sub)).unwrap();
    }
    write(
        &content.join("site.yaml"),
        "title: 生成的代表名录\nbase_url: https://rd.example.gov.cn/\nauthority: 示例人大常委会\n\
         congress: 示例第一届人民代表大会\nfeedback: {label: 代表联络平台, url: \"https://lianluo.example.gov.cn/\", phone: \"12345\"}\n\
         as_of: 2026-11-20\n",
    );
    let stations = (n / 10).max(1);
    let portrait = portrait_jpeg();
    for i in 0..n {
        let mut r = Rng::new(1, 2, i as u64);
        let id = rep_id(i);
        let mut y = String::new();
        let mut name_r = Rng::new(1, 1, i as u64);
        let name = format!("{}{}", name_r.pick(SURNAMES).0, name_r.pick(GIVEN).0);
        let _ = writeln!(
            y,
            "name: {name}\ngender: {}\nethnicity: 汉族",
            if i % 2 == 0 { "男" } else { "女" }
        );
        let _ = writeln!(
            y,
            "level: {}\nconstituency: 第{}选区\nregion: 示例区",
            level_of(i),
            i % 300 + 1
        );
        let _ = writeln!(
            y,
            "party: {}\noccupation: 示例单位{}",
            r.pick(PARTIES),
            r.pick(OCCUPATIONS)
        );
        let _ = writeln!(y, "term: {{start: 2021-12-20, end: 2027-03-31}}");
        let _ = writeln!(y, "stations: [st-{:05}]", i % stations);
        if i % 3 == 0 {
            let _ = writeln!(y, "groups: [g-{:02}]", i % 20);
        }
        let _ = writeln!(
            y,
            "contacts:\n  - {{kind: phone, value: \"0734-8{:06}\", label: 办公电话}}",
            i % 1_000_000
        );
        let _ = writeln!(
            y,
            "  - {{kind: mobile, value: \"139{:08}\", public: false}}",
            i
        );
        if i % 10 == 0 {
            std::fs::write(content.join(format!("media/photos/{id}.jpg")), &portrait).unwrap();
            let _ = writeln!(y, "photo: media/photos/{id}.jpg");
        }
        let _ = writeln!(y, "bio: |\n  {}", prose(&mut r, 300));
        write(&content.join(format!("representatives/{id}.yaml")), &y);
    }
    for s in 0..stations {
        let mut r = Rng::new(1, 3, s as u64);
        // Every tenth is a station (站); the others are its points (点) and offices (室).
        let (tier, parent) = match s % 10 {
            0 => ("station", None),
            1..=6 => ("point", Some(s - s % 10)),
            _ => ("office", Some(s - s % 10)),
        };
        let mut y = format!(
            "name: 示例第{s}号代表联络{}\ntier: {tier}\n",
            match tier {
                "station" => "站",
                "point" => "点",
                _ => "室",
            }
        );
        if let Some(p) = parent {
            let _ = writeln!(y, "parent: st-{p:05}");
        }
        let _ = writeln!(
            y,
            "region: 示例区\naddress: 示例区{}{}号",
            r.pick(STREETS),
            s + 1
        );
        let _ = writeln!(
            y,
            "location: {{lat: {:.4}, lon: {:.4}}}",
            26.0 + r.below(1000) as f64 / 1000.0,
            112.0 + r.below(1000) as f64 / 1000.0
        );
        let _ = writeln!(
            y,
            "hours: 工作日 9:00-12:00、14:30-17:30\nphone: \"0734-7{:06}\"",
            s
        );
        let members: Vec<usize> = (0..n).skip(s).step_by(stations).take(6).collect();
        if !members.is_empty() {
            y.push_str("reception:\n");
            for (k, m) in members.iter().enumerate() {
                let _ = writeln!(
                    y,
                    "  - {{date: 2027-0{}-1{}, time: \"9:00-11:30\", representatives: [{}]}}",
                    1 + k % 3,
                    k,
                    rep_id(*m)
                );
            }
        }
        let _ = writeln!(y, "description: |\n  {}", prose(&mut r, 200));
        write(&content.join(format!("stations/st-{s:05}.yaml")), &y);
    }
    for g in 0..20 {
        let convenor = (0..n).find(|i| i % 3 == 0 && i % 20 == g).map(rep_id);
        let mut y = format!("name: 第{g}代表专业小组\ndescription: 示例专业小组。\n");
        if let Some(c) = convenor {
            let _ = writeln!(y, "convenor: {c}");
        }
        write(&content.join(format!("groups/g-{g:02}.yaml")), &y);
    }
    for k in 0..n / 2 {
        let mut r = Rng::new(1, 4, k as u64);
        let kind = KINDS[k % KINDS.len()];
        let year = 2025 + k % 2;
        let mut y = format!(
            "---\ntitle: 示例{kind}报告第{k}号\ndate: {year}-{:02}-{:02}\nkind: {kind}\n",
            1 + k % 12,
            1 + k % 28
        );
        let _ = writeln!(
            y,
            "representatives: [{}]\ntags: [民生实事]",
            rep_id((k * 7) % n)
        );
        match kind {
            "suggestion" => y.push_str(
                "suggestion: {number: \"第12号\", status: handling, handler: 示例区交通运输局}\n",
            ),
            "reception" => {
                let _ = writeln!(
                    y,
                    "station: st-{:05}\nreception: {{visitors: {}, opinions: {}}}",
                    k % stations,
                    10 + k % 40,
                    3 + k % 20
                );
            }
            _ => {}
        }
        y.push_str("---\n");
        let _ = write!(
            y,
            "{}\n\n## 一、基本情况\n\n{}\n\n## 二、主要做法\n\n- {}\n- {}\n- {}\n\n1. {}\n2. {}\n\n## 三、数据\n\n| 项目 | 数量 |\n|---|---:|\n| 走访群众 | {} |\n| 收集意见 | {} |\n\n{}\n",
            prose(&mut r, 120),
            prose(&mut r, 400),
            prose(&mut r, 60),
            prose(&mut r, 60),
            prose(&mut r, 60),
            prose(&mut r, 80),
            prose(&mut r, 80),
            r.below(500),
            r.below(100),
            prose(&mut r, 400),
        );
        std::fs::create_dir_all(content.join(format!("reports/{year}"))).unwrap();
        write(
            &content.join(format!("reports/{year}/report-{k:06}.md")),
            &y,
        );
    }
    println!(
        "wrote {n} representatives, {stations} stations, 20 groups, {} reports into {}",
        n / 2,
        content.display()
    );
}

/// A small drawn portrait (head and shoulders on a plain ground), as a JPEG.
fn portrait_jpeg() -> Vec<u8> {
    let img = image::RgbImage::from_fn(240, 320, |x, y| {
        let (dx, dy) = (x as i32 - 120, y as i32 - 120);
        if dx * dx + dy * dy < 55 * 55 {
            image::Rgb([222, 190, 160])
        } else if y > 220 && (x as i32 - 120).abs() < (y as i32 - 150) {
            image::Rgb([40, 60, 110])
        } else {
            image::Rgb([225, 230, 236])
        }
    });
    let mut out = std::io::Cursor::new(Vec::new());
    let enc = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 80);
    img.write_with_encoder(enc).unwrap();
    out.into_inner()
}
