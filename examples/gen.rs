//! Writes a realistic generated site, for benchmarks and load tests.
//!
//! ```text
//! cargo run --release --example gen -- N DIR [--seed S] [--photos]
//! ```
//!
//! Writes `DIR/content/` (replacing it when present) in the format of FORMAT.md:
//! `site.yaml`; N representatives over five levels (about 0.5% national, 3% provincial,
//! 10% city, 40% county, the rest township); N/10 stations (站 with their 点 and 室)
//! with reception rotas naming only their own representatives; 20 professional groups
//! whose convenors are members; N/2 reports of every kind with Chinese Markdown
//! (headings, bullet and numbered lists, a table). With `--photos`, one representative
//! in ten gets `photo: media/photos/<id>.jpg`, a small JPEG (tests/bench/portrait.jpg with
//! the id in a comment segment, so every file differs).
//!
//! The vocabulary (names, places, sentences) and the sizes of the bodies follow
//! shared/bench/gen_peer_sites.py (representatives ~300 characters of prose, stations
//! ~200, reports ~1,500), so peers get equivalent pages in a side-by-side benchmark.
//!
//! Deterministic: item i of each kind is drawn from its own generator, seeded from
//! (seed, kind, i), so the same N and seed give the same bytes. Only std is used.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

// ---------------------------------------------------------------------------------
// Vocabulary: the peers' (gen_peer_sites.py), with the pinyin the ids need.

/// gen_peer_sites.py SURNAMES, each with its pinyin.
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
    ("马", "ma"),
    ("朱", "zhu"),
    ("胡", "hu"),
    ("郭", "guo"),
    ("何", "he"),
    ("高", "gao"),
    ("林", "lin"),
    ("罗", "luo"),
    ("郑", "zheng"),
    ("梁", "liang"),
    ("谢", "xie"),
    ("宋", "song"),
    ("唐", "tang"),
    ("许", "xu"),
    ("韩", "han"),
    ("冯", "feng"),
    ("邓", "deng"),
    ("曹", "cao"),
    ("彭", "peng"),
    ("曾", "zeng"),
    ("肖", "xiao"),
    ("田", "tian"),
    ("董", "dong"),
    ("袁", "yuan"),
    ("潘", "pan"),
    ("于", "yu"),
    ("蒋", "jiang"),
    ("蔡", "cai"),
    ("余", "yu"),
    ("杜", "du"),
    ("叶", "ye"),
    ("程", "cheng"),
    ("苏", "su"),
    ("魏", "wei"),
    ("吕", "lv"),
    ("丁", "ding"),
    ("任", "ren"),
    ("沈", "shen"),
    ("姚", "yao"),
    ("卢", "lu"),
    ("姜", "jiang"),
    ("崔", "cui"),
    ("钟", "zhong"),
    ("谭", "tan"),
    ("陆", "lu"),
    ("汪", "wang"),
    ("范", "fan"),
    ("金", "jin"),
    ("石", "shi"),
    ("廖", "liao"),
    ("贾", "jia"),
    ("夏", "xia"),
    ("韦", "wei"),
    ("付", "fu"),
    ("方", "fang"),
    ("白", "bai"),
    ("邹", "zou"),
    ("孟", "meng"),
    ("熊", "xiong"),
    ("秦", "qin"),
    ("邱", "qiu"),
    ("江", "jiang"),
    ("尹", "yin"),
    ("薛", "xue"),
    ("闫", "yan"),
    ("段", "duan"),
    ("雷", "lei"),
    ("侯", "hou"),
    ("龙", "long"),
    ("史", "shi"),
    ("陶", "tao"),
    ("黎", "li"),
    ("贺", "he"),
    ("顾", "gu"),
    ("毛", "mao"),
    ("郝", "hao"),
    ("龚", "gong"),
    ("邵", "shao"),
    ("万", "wan"),
    ("钱", "qian"),
    ("严", "yan"),
    ("覃", "qin"),
    ("武", "wu"),
    ("戴", "dai"),
    ("莫", "mo"),
    ("孔", "kong"),
    ("向", "xiang"),
    ("汤", "tang"),
];

/// gen_peer_sites.py GIVEN, character by character (repeats kept: they weight the draw).
const GIVEN: &[(&str, &str)] = &[
    ("伟", "wei"),
    ("芳", "fang"),
    ("娜", "na"),
    ("秀", "xiu"),
    ("英", "ying"),
    ("敏", "min"),
    ("静", "jing"),
    ("丽", "li"),
    ("强", "qiang"),
    ("磊", "lei"),
    ("军", "jun"),
    ("洋", "yang"),
    ("勇", "yong"),
    ("艳", "yan"),
    ("杰", "jie"),
    ("娟", "juan"),
    ("涛", "tao"),
    ("明", "ming"),
    ("超", "chao"),
    ("秀", "xiu"),
    ("兰", "lan"),
    ("霞", "xia"),
    ("平", "ping"),
    ("刚", "gang"),
    ("桂", "gui"),
    ("英", "ying"),
    ("华", "hua"),
    ("建", "jian"),
    ("国", "guo"),
    ("建", "jian"),
    ("华", "hua"),
    ("志", "zhi"),
    ("强", "qiang"),
    ("海", "hai"),
    ("燕", "yan"),
    ("红", "hong"),
    ("梅", "mei"),
    ("玉", "yu"),
    ("兰", "lan"),
    ("文", "wen"),
    ("辉", "hui"),
    ("晓", "xiao"),
    ("东", "dong"),
    ("春", "chun"),
    ("梅", "mei"),
    ("雪", "xue"),
    ("梅", "mei"),
    ("振", "zhen"),
    ("华", "hua"),
    ("国", "guo"),
    ("强", "qiang"),
    ("立", "li"),
    ("新", "xin"),
    ("永", "yong"),
    ("刚", "gang"),
    ("德", "de"),
    ("明", "ming"),
    ("淑", "shu"),
    ("珍", "zhen"),
    ("卫", "wei"),
    ("东", "dong"),
];

/// Names of some minority representatives (name, slug, female).
const MINORITY_NAMES: &[(&str, &str, &str, bool)] = &[
    ("维吾尔族", "阿依古丽·买买提", "ayiguli-maimaiti", true),
    ("维吾尔族", "艾力·吐尔逊", "aili-tuerxun", false),
    ("维吾尔族", "古丽娜尔·阿不都", "gulinaer-abudu", true),
    ("维吾尔族", "买买提·艾山", "maimaiti-aishan", false),
    ("藏族", "扎西次仁", "zhaxi-ciren", false),
    ("藏族", "卓玛", "zhuoma", true),
    ("藏族", "格桑央金", "gesang-yangjin", true),
    ("蒙古族", "巴特尔", "bateer", false),
    ("蒙古族", "其其格", "qiqige", true),
    ("蒙古族", "额尔敦巴雅尔", "eerdun-bayaer", false),
];

/// gen_peer_sites.py PROVINCES, with the capital's area code and its coordinates
/// (micro-degrees).
const PROVINCES: &[(&str, &str, i64, i64)] = &[
    ("北京市", "010", 39_904_200, 116_407_400),
    ("上海市", "021", 31_230_400, 121_473_700),
    ("广东省", "020", 23_129_100, 113_264_400),
    ("浙江省", "0571", 30_274_100, 120_155_100),
    ("江苏省", "025", 32_060_300, 118_796_900),
    ("四川省", "028", 30_572_800, 104_066_800),
    ("湖北省", "027", 30_592_800, 114_305_500),
    ("湖南省", "0731", 28_228_200, 112_938_800),
    ("河南省", "0371", 34_746_600, 113_625_300),
    ("山东省", "0531", 36_651_200, 117_120_100),
    ("福建省", "0591", 26_074_500, 119_296_500),
    ("陕西省", "029", 34_341_600, 108_939_800),
    ("云南省", "0871", 25_038_900, 102_718_300),
    ("贵州省", "0851", 26_647_700, 106_630_200),
    ("广西壮族自治区", "0771", 22_817_000, 108_366_500),
    ("内蒙古自治区", "0471", 40_842_400, 111_749_200),
];
const CITIES: &[&str] = &[
    "东城区",
    "西湖区",
    "天河区",
    "鼓楼区",
    "武侯区",
    "江汉区",
    "岳麓区",
    "金水区",
    "历下区",
    "思明区",
    "雁塔区",
    "五华区",
    "南明区",
    "青秀区",
    "新城区",
    "高新区",
    "经开区",
    "临港新区",
];
/// gen_peer_sites.py STREETS, with pinyin for station ids.
const STREETS: &[(&str, &str)] = &[
    ("人民路", "renminlu"),
    ("解放路", "jiefanglu"),
    ("中山路", "zhongshanlu"),
    ("建设路", "jianshelu"),
    ("和平街", "hepingjie"),
    ("文化路", "wenhualu"),
    ("新华街", "xinhuajie"),
    ("光明路", "guangminglu"),
    ("青年路", "qingnianlu"),
    ("胜利街", "shenglijie"),
];
const COMMUNITIES: &[&str] = &[
    "东风", "向阳", "幸福", "和谐", "新村", "花园", "滨江", "翠竹", "丰收", "朝阳", "育才", "桂花",
];
const WORKPLACES: &[&str] = &[
    "高新园区",
    "物流园",
    "人民医院",
    "第一中学",
    "中心小学",
    "农贸市场",
    "工业园",
    "律师事务所",
    "创业街区",
    "农业合作社",
];
const PARTIES: &[&str] = &[
    "中国共产党",
    "中国国民党革命委员会",
    "中国民主同盟",
    "中国民主建国会",
    "中国民主促进会",
    "中国农工民主党",
    "中国致公党",
    "九三学社",
    "台湾民主自治同盟",
    "无党派人士",
];
/// gen_peer_sites.py OCCUPATIONS, each with a workplace.
const OCCUPATIONS: &[(&str, &str)] = &[
    ("第一中学", "教师"),
    ("人民医院", "医生"),
    ("建设集团", "工程师"),
    ("农业合作社", "农民"),
    ("机械制造有限公司", "企业职工"),
    ("社区居民委员会", "社区工作者"),
    ("律师事务所", "律师"),
    ("农业科学研究院", "科研人员"),
    ("食品有限公司", "企业负责人"),
    ("农贸市场", "个体工商户"),
    ("退役军人服务站", "退役军人"),
    ("人民政府办公室", "公务员"),
    ("妇幼保健院", "护士"),
    ("快递服务站", "快递员"),
    ("汽车零部件有限公司", "技术工人"),
];
const POSTS: &[&str] = &["", "", "副主任", "主任", "负责人", "党支部书记"];
const ETHNICITIES: &[&str] = &[
    "汉族",
    "汉族",
    "汉族",
    "汉族",
    "回族",
    "满族",
    "壮族",
    "蒙古族",
    "藏族",
    "维吾尔族",
    "苗族",
    "彝族",
    "土家族",
];
/// gen_peer_sites.py TAGS, plus two, with pinyin: they are also the 20 groups.
const TAGS: &[(&str, &str)] = &[
    ("教育", "jiaoyu"),
    ("医疗", "yiliao"),
    ("养老", "yanglao"),
    ("交通", "jiaotong"),
    ("环保", "huanbao"),
    ("住房", "zhufang"),
    ("就业", "jiuye"),
    ("乡村振兴", "xiangcun-zhenxing"),
    ("营商环境", "yingshang-huanjing"),
    ("社区治理", "shequ-zhili"),
    ("食品安全", "shipin-anquan"),
    ("文化", "wenhua"),
    ("科技创新", "keji-chuangxin"),
    ("法治建设", "fazhi-jianshe"),
    ("民生实事", "minsheng-shishi"),
    ("生态保护", "shengtai-baohu"),
    ("应急管理", "yingji-guanli"),
    ("青少年", "qingshaonian"),
    ("财政经济", "caizheng-jingji"),
    ("农业农村", "nongye-nongcun"),
];
const STATUSES: &[&str] = &["已办结", "办理中", "已答复", "持续跟踪"];
const HANDLERS: &[&str] = &[
    "教育局",
    "卫生健康委员会",
    "住房和城乡建设局",
    "交通运输局",
    "生态环境局",
    "民政局",
    "人力资源和社会保障局",
    "农业农村局",
    "市场监督管理局",
    "公安局交通警察支队",
    "城市管理和综合执法局",
    "自然资源和规划局",
    "应急管理局",
    "文化旅游广电体育局",
];
const ROLES: &[(&str, &str)] = &[
    ("常务委员会委员", "常务委员会"),
    ("法制委员会委员", "法制委员会"),
    ("财政经济委员会委员", "财政经济委员会"),
    ("教育科学文化卫生委员会委员", "教育科学文化卫生委员会"),
    ("代表资格审查委员会委员", "常务委员会代表资格审查委员会"),
];
const HOURS: &[&str] = &[
    "每周一至周五 9:00-12:00、14:30-17:30",
    "每周二、四 9:00-17:00",
    "每周三、五 9:00-17:00",
    "每周一、三、五 9:00-17:00",
    "每月 15 日 9:00-11:30（接待日）",
    "工作日 8:30-12:00、14:00-17:30；节假日除外",
];
const RECEPTION_TIMES: &[&str] = &["9:00-11:30", "14:30-17:00", "9:00-12:00", "19:00-21:00"];

const ADVERBIALS: &[&str] = &[
    "在本届任期内",
    "今年以来",
    "通过定期接待选民活动",
    "依托代表联络站",
    "结合年度履职计划",
    "围绕中心工作",
    "在人代会闭会期间",
    "通过线上线下相结合的方式",
    "按照常委会的统一部署",
    "在专题调研过程中",
];
const SUBJECTS: &[&str] = &[
    "代表",
    "联络站工作人员",
    "街道人大工委",
    "社区居民",
    "选民代表",
    "基层群众",
    "人大常委会",
    "企业负责人",
    "村民代表",
    "有关职能部门",
];
const VERBS: &[&str] = &[
    "深入走访了",
    "认真听取了",
    "广泛收集了",
    "积极反映了",
    "持续跟踪了",
    "协调推动了",
    "督促落实了",
    "调研了解了",
    "梳理汇总了",
    "及时回应了",
];
const OBJECTS: &[&str] = &[
    "群众关切的民生问题",
    "老旧小区改造的意见",
    "交通出行方面的难题",
    "教育医疗资源配置情况",
    "社区养老服务需求",
    "生态环境保护建议",
    "营商环境优化诉求",
    "基层治理的经验做法",
    "就业创业政策落实情况",
    "农村人居环境整治进展",
    "食品安全监管情况",
    "学校周边安全问题",
];
const RESULTS: &[&str] = &[
    "形成了多件高质量建议",
    "推动相关部门及时解决",
    "得到了群众的普遍认可",
    "有效提升了履职质效",
    "为科学决策提供了参考依据",
    "促进了问题的妥善处理",
    "取得了阶段性成效",
    "建立了长效工作机制",
];

const LEVELS: &[&str] = &["national", "provincial", "city", "county", "township"];
const KINDS: &[&str] = &[
    "report-back",
    "suggestion",
    "survey",
    "reception",
    "activity",
    "news",
];
/// Report kinds by weight (per mille): receptions and suggestions are the most common.
const KIND_WEIGHTS: &[u32] = &[120, 220, 120, 260, 140, 140];

const AS_OF: (u32, u32, u32) = (2026, 11, 20);
const DEFAULT_SEED: u64 = 20_240_601;

/// A small baseline JPEG (48×64, a drawn head and shoulders); see `--photos`.
const PORTRAIT: &[u8] = include_bytes!("../tests/bench/portrait.jpg");

// Streams of the generator: one per kind of item.
const K_REP: u64 = 1;
const K_STATION: u64 = 2;
const K_GROUP: u64 = 3;
const K_REPORT: u64 = 4;

// ---------------------------------------------------------------------------------
// Random numbers: SplitMix64, seeded per item.

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

struct Rng(u64);

impl Rng {
    /// The generator of item `i` of stream `kind`.
    fn item(seed: u64, kind: u64, i: usize) -> Rng {
        let s = mix(seed.wrapping_add(0x9e37_79b9_7f4a_7c15));
        let s = mix(s ^ kind.wrapping_mul(0xd1b5_4a32_d192_ed03));
        Rng(mix(s ^ (i as u64).wrapping_mul(0x8cb9_2ba7_2f3d_8dd7)))
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        mix(self.0)
    }
    /// 0..n (n > 0).
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next()) * n as u128) >> 64) as usize
    }
    /// lo..=hi.
    fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + self.below((hi - lo + 1) as usize) as u32
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
    /// True with probability `per_mille` / 1000.
    fn chance(&mut self, per_mille: u32) -> bool {
        self.below(1000) < per_mille as usize
    }
    /// An index drawn by weight.
    fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut x = self.below(total as usize) as u32;
        for (k, &w) in weights.iter().enumerate() {
            if x < w {
                return k;
            }
            x -= w;
        }
        weights.len() - 1
    }
    /// 1 to `most` distinct indexes below `n`.
    fn sample_some(&mut self, n: usize, most: u32, out: &mut Vec<usize>) {
        let k = self.range(1, most) as usize;
        self.sample(n, k, out);
    }
    /// `k` distinct indexes below `n` (fewer when n < k), in draw order.
    fn sample(&mut self, n: usize, k: usize, out: &mut Vec<usize>) {
        out.clear();
        let k = k.min(n);
        while out.len() < k {
            let x = self.below(n);
            if !out.contains(&x) {
                out.push(x);
            }
        }
    }
}

// ---------------------------------------------------------------------------------
// Text.

/// One sentence of gen_peer_sites.py; returns the characters written.
fn sentence(r: &mut Rng, out: &mut String) -> usize {
    let parts = [
        r.pick(ADVERBIALS),
        "，",
        r.pick(SUBJECTS),
        r.pick(VERBS),
        r.pick(OBJECTS),
        "，",
        r.pick(RESULTS),
        "。",
    ];
    let mut n = 0;
    for p in parts {
        out.push_str(p);
        n += p.chars().count();
    }
    n
}

/// A paragraph of at least `chars` characters, on one line.
fn prose(r: &mut Rng, chars: usize, out: &mut String) {
    let mut n = 0;
    while n < chars {
        n += sentence(r, out);
    }
}

fn date(out: &mut String, (y, m, d): (u32, u32, u32)) {
    let _ = write!(out, "{y}-{m:02}-{d:02}");
}

/// A date between January of `from` and the site's as-of date.
fn past_date(r: &mut Rng, from: u32) -> (u32, u32, u32) {
    let y = r.range(from, AS_OF.0);
    let m = if y == AS_OF.0 {
        r.range(1, AS_OF.1 - 1)
    } else {
        r.range(1, 12)
    };
    (y, m, r.range(1, 28))
}

fn add_months((y, m, d): (u32, u32, u32), k: u32) -> (u32, u32, u32) {
    let m0 = m - 1 + k;
    (y + m0 / 12, m0 % 12 + 1, d)
}

/// A fixed-line number in the province's area code: `0731-8123456`, `010-81234567`.
fn landline(r: &mut Rng, area: &str, first: u32, out: &mut String) {
    if area.len() == 3 {
        let _ = write!(out, "{area}-{first}{:07}", r.below(10_000_000));
    } else {
        let _ = write!(out, "{area}-{first}{:06}", r.below(1_000_000));
    }
}

// ---------------------------------------------------------------------------------
// The site.

struct Ctx {
    seed: u64,
    n: usize,
    photos: bool,
    content: PathBuf,
    stations: Vec<StationHead>,
}

/// What representatives, reports and rotas need of a station.
struct StationHead {
    id: String,
    name: String,
    province: usize,
    city: usize,
    street: usize,
    /// `station`, `point` or `office`.
    tier: &'static str,
    /// Index of the 站 a 点 or 室 belongs to.
    parent: Option<usize>,
}

/// What stations, groups and reports need of a representative.
struct RepMeta {
    id: String,
    name: String,
    stations: [u32; 2],
    group: u8,
    /// The term ended before the as-of date: kept off the rotas.
    former: bool,
}

const NONE: u32 = u32::MAX;
const NO_GROUP: u8 = u8::MAX;

fn write_file(path: &Path, text: &str) {
    if let Err(e) = std::fs::write(path, text) {
        eprintln!("gen: cannot write {}: {e}", path.display());
        std::process::exit(1);
    }
}

/// The first draws of station `s`: its place in the network, its name and id.
/// Children take the region of their 站, so `heads` must hold every earlier station.
fn station_head(r: &mut Rng, s: usize, heads: &[StationHead]) -> StationHead {
    // About one 站 in six; the others are 点 and 室 of the latest 站.
    let new_station = s == 0 || r.chance(170);
    let office = r.chance(300);
    let (province, city, street) = (
        r.below(PROVINCES.len()),
        r.below(CITIES.len()),
        r.below(STREETS.len()),
    );
    let community = r.pick(COMMUNITIES);
    let workplace = r.pick(WORKPLACES);
    let parent = if new_station {
        None
    } else {
        Some(match heads[s - 1].parent {
            Some(p) => p,
            None => s - 1,
        })
    };
    let (province, city, street) = match parent {
        Some(p) => (heads[p].province, heads[p].city, heads[p].street),
        None => (province, city, street),
    };
    let (street_name, street_py) = STREETS[street];
    let (name, tier, tier_py) = match parent {
        None => (
            format!("{}{street_name}街道人大代表联络站", CITIES[city]),
            "station",
            "zhan",
        ),
        Some(_) if office => (
            format!("{street_name}{workplace}人大代表工作室"),
            "office",
            "shi",
        ),
        Some(_) => (
            format!("{street_name}{community}社区人大代表联络点"),
            "point",
            "dian",
        ),
    };
    StationHead {
        id: format!("{street_py}-{tier_py}-{s:06}"),
        name,
        province,
        city,
        street,
        tier,
        parent,
    }
}

fn level_of(r: &mut Rng) -> usize {
    match r.below(1000) {
        0..5 => 0,
        5..35 => 1,
        35..135 => 2,
        135..535 => 3,
        _ => 4,
    }
}

fn representative(ctx: &Ctx, i: usize, y: &mut String) -> RepMeta {
    let mut r = Rng::item(ctx.seed, K_REP, i);
    let ns = ctx.stations.len();
    y.clear();

    let ethnicity = r.pick(ETHNICITIES);
    let minority: Vec<_> = MINORITY_NAMES.iter().filter(|m| m.0 == ethnicity).collect();
    let (name, slug, female) = if !minority.is_empty() && r.chance(300) {
        let m = minority[r.below(minority.len())];
        (m.1.to_owned(), m.2.to_owned(), m.3)
    } else {
        let (s, s_py) = r.pick(SURNAMES);
        let (mut name, mut slug) = (s.to_owned(), format!("{s_py}-"));
        for _ in 0..r.range(1, 2) {
            let (g, g_py) = r.pick(GIVEN);
            name.push_str(g);
            slug.push_str(g_py);
        }
        (name, slug, r.chance(500))
    };
    let id = format!("{slug}-{i:06}");

    // Stations: the first by index, so every station has representatives; a second
    // for some (a 点's representative also sits at its 站).
    let primary = i % ns;
    let head = &ctx.stations[primary];
    let secondary = match head.parent {
        Some(p) if r.chance(400) => p as u32,
        None if ns > 1 && r.chance(120) => {
            let other = r.below(ns - 1);
            (if other >= primary { other + 1 } else { other }) as u32
        }
        _ => NONE,
    };
    let level = level_of(&mut r);
    let (province, area, _, _) = PROVINCES[head.province];
    let city = CITIES[head.city];
    let street = STREETS[head.street].0;

    let _ = writeln!(y, "name: {name}");
    let _ = writeln!(y, "gender: {}", if female { "female" } else { "male" });
    let _ = writeln!(y, "ethnicity: {ethnicity}");
    if ctx.photos && i % 10 == 0 {
        let _ = writeln!(y, "photo: media/photos/{id}.jpg");
    }
    let _ = writeln!(y, "level: {}", LEVELS[level]);
    match level {
        0 => y.push_str("congress: 第十四届全国人民代表大会\n"),
        1 => {
            let _ = writeln!(y, "congress: {province}第十四届人民代表大会");
        }
        _ => {}
    }
    let k = r.range(1, 60);
    let _ = match level {
        0 => writeln!(y, "constituency: {province}人民代表大会"),
        1 => writeln!(y, "constituency: {city}人民代表大会"),
        2 => writeln!(y, "constituency: {city}第{k}选区"),
        _ => writeln!(y, "constituency: {street}街道第{k}选区"),
    };
    let _ = if level >= 3 {
        writeln!(y, "region: {province}{city}{street}街道")
    } else {
        writeln!(y, "region: {province}{city}")
    };
    let _ = writeln!(y, "party: {}", r.pick(PARTIES));
    let (workplace, job) = r.pick(OCCUPATIONS);
    let _ = writeln!(y, "occupation: {city}{workplace}{}{job}", r.pick(POSTS));

    let (start, end) = match level {
        0 => ((2023, 3, 5), (2028, 3, 4)),
        1 => ((2023, 1, 15), (2028, 1, 14)),
        2 => ((2022, 1, 10), (2027, 1, 9)),
        3 => ((2021, 12, 20), (2026, 12, 19)),
        _ => ((2021, 12, 15), (2026, 12, 14)),
    };
    // About 2% left before the end of their term: former representatives.
    let former = r.chance(20);
    let end = if former {
        (r.range(2024, 2025), r.range(1, 12), r.range(1, 28))
    } else {
        end
    };
    if level < 4 && r.chance(100) {
        let (title, body) = r.pick(ROLES);
        let congress = match level {
            0 => "全国人民代表大会",
            1 => "省人民代表大会",
            2 => "市人民代表大会",
            _ => "区人民代表大会",
        };
        let _ = write!(
            y,
            "roles:\n  - title: {title}\n    body: {congress}{body}\n    start: "
        );
        date(y, start);
        y.push('\n');
    }
    y.push_str("term: {start: ");
    date(y, start);
    y.push_str(", end: ");
    date(y, end);
    y.push_str("}\n");

    let group = if r.chance(350) {
        r.below(TAGS.len()) as u8
    } else {
        NO_GROUP
    };
    if group != NO_GROUP {
        let _ = writeln!(y, "groups: [{}]", TAGS[group as usize].1);
    }
    let _ = write!(y, "stations: [{}", head.id);
    if secondary != NONE {
        let _ = write!(y, ", {}", ctx.stations[secondary as usize].id);
    }
    y.push_str("]\n");

    y.push_str("contacts:\n  - kind: phone\n    value: ");
    landline(&mut r, area, 8, y);
    y.push_str("\n    label: 办公电话\n");
    if r.chance(500) {
        let _ = writeln!(
            y,
            "  - kind: email\n    value: {}{i}@example.gov.cn",
            slug.replace('-', "")
        );
    }
    if r.chance(300) {
        let _ = writeln!(
            y,
            "  - kind: mobile\n    value: \"1{}{:09}\"\n    label: 本人手机\n    public: false",
            r.range(3, 9),
            r.below(1_000_000_000)
        );
    }

    // ~300 characters, like the peers' body: a heading and two paragraphs.
    y.push_str("bio: |\n  ## 履职简介\n\n  ");
    prose(&mut r, 150, y);
    y.push_str("\n\n  ");
    prose(&mut r, 120, y);
    y.push('\n');

    RepMeta {
        id,
        name,
        stations: [primary as u32, secondary],
        group,
        former,
    }
}

fn station(ctx: &Ctx, s: usize, members: &[u32], reps: &[RepMeta], y: &mut String) {
    let mut r = Rng::item(ctx.seed, K_STATION, s);
    // The same first draws as `station_head`.
    let head = station_head(&mut r, s, &ctx.stations[..s]);
    debug_assert_eq!(head.id, ctx.stations[s].id);
    let (province, area, lat, lon) = PROVINCES[head.province];
    let city = CITIES[head.city];
    let street = STREETS[head.street].0;
    y.clear();
    let _ = writeln!(y, "name: {}", head.name);
    let _ = writeln!(y, "tier: {}", head.tier);
    if let Some(p) = head.parent {
        let _ = writeln!(y, "parent: {}", ctx.stations[p].id);
    }
    match r.below(100) {
        0..4 => y.push_str("kind: mobile\n"),
        4..6 => y.push_str("kind: online\n"),
        _ => {}
    }
    let _ = writeln!(y, "region: {province}{city}{street}街道");
    let _ = writeln!(y, "address: {province}{city}{street}{}号", r.range(1, 999));
    let (dlat, dlon) = (
        r.below(200_000) as i64 - 100_000,
        r.below(200_000) as i64 - 100_000,
    );
    let (lat, lon) = (lat + dlat, lon + dlon);
    let _ = writeln!(
        y,
        "location: {{lat: {}.{:06}, lon: {}.{:06}}}",
        lat / 1_000_000,
        lat % 1_000_000,
        lon / 1_000_000,
        lon % 1_000_000
    );
    let _ = writeln!(y, "hours: {}", r.pick(HOURS));
    y.push_str("phone: ");
    landline(&mut r, area, 7, y);
    y.push('\n');

    // Reception days, monthly from September 2026, naming only this station's own
    // serving representatives.
    let members: Vec<u32> = members
        .iter()
        .copied()
        .filter(|&m| !reps[m as usize].former)
        .collect();
    if !members.is_empty() {
        y.push_str("reception:\n");
        let mut picked = Vec::new();
        let first = (2026, 9, 1);
        for day in 0..r.range(2, 6) {
            let (yy, mm, _) = add_months(first, day);
            y.push_str("  - date: ");
            date(y, (yy, mm, r.range(1, 28)));
            let _ = write!(
                y,
                "\n    time: \"{}\"\n    representatives: [",
                r.pick(RECEPTION_TIMES)
            );
            r.sample_some(members.len(), 3, &mut picked);
            for (k, &m) in picked.iter().enumerate() {
                if k > 0 {
                    y.push_str(", ");
                }
                y.push_str(&reps[members[m] as usize].id);
            }
            y.push_str("]\n");
            if r.chance(400) {
                let _ = writeln!(y, "    note: {}专题接待日", r.pick(TAGS).0);
            }
        }
    }
    // ~200 characters, like the peers' station body.
    y.push_str("description: |\n  ## 联络站简介\n\n  ");
    prose(&mut r, 200, y);
    y.push('\n');
}

fn group(ctx: &Ctx, g: usize, members: &[u32], reps: &[RepMeta], y: &mut String) {
    let mut r = Rng::item(ctx.seed, K_GROUP, g);
    y.clear();
    let _ = writeln!(y, "name: {}专业代表小组", TAGS[g].0);
    y.push_str("description: |\n  ");
    prose(&mut r, 100, y);
    y.push('\n');
    if !members.is_empty() {
        let _ = writeln!(
            y,
            "convenor: {}",
            reps[members[r.below(members.len())] as usize].id
        );
    }
}

/// Writes report `k`; returns its path under `content/`.
fn report(
    ctx: &Ctx,
    k: usize,
    reps: &[RepMeta],
    station_members: &[Vec<u32>],
    group_members: &[Vec<u32>],
    y: &mut String,
) -> (u32, String) {
    let mut r = Rng::item(ctx.seed, K_REPORT, k);
    let kind = if k < KINDS.len() {
        k
    } else {
        r.weighted(KIND_WEIGHTS)
    };
    let when = past_date(&mut r, 2023);
    let topic = r.pick(OBJECTS);
    let mut who: Vec<u32> = Vec::new();
    let mut station: Option<usize> = None;
    let mut grp: Option<usize> = None;
    let mut picked = Vec::new();
    match KINDS[kind] {
        "reception" => {
            let s = r.below(ctx.stations.len());
            station = Some(s);
            let m = &station_members[s];
            r.sample_some(m.len(), 3, &mut picked);
            who.extend(picked.iter().map(|&x| m[x]));
        }
        "activity" => {
            let g = r.below(TAGS.len());
            if !group_members[g].is_empty() {
                grp = Some(g);
                let m = &group_members[g];
                r.sample_some(m.len(), 3, &mut picked);
                who.extend(picked.iter().map(|&x| m[x]));
            }
        }
        "report-back" => who.push(r.below(ctx.n) as u32),
        "news" => {
            for _ in 0..r.range(0, 2) {
                who.push(r.below(ctx.n) as u32);
            }
            who.dedup();
        }
        _ => {
            r.sample_some(ctx.n, 3, &mut picked);
            who.extend(picked.iter().map(|&x| x as u32));
        }
    }
    if station.is_none() && !who.is_empty() && r.chance(300) {
        station = Some(reps[who[0] as usize].stations[0] as usize);
    }

    y.clear();
    y.push_str("---\ntitle: ");
    match KINDS[kind] {
        "report-back" => {
            let _ = write!(
                y,
                "{}代表{}年度履职情况报告",
                reps[who[0] as usize].name, when.0
            );
        }
        "suggestion" => {
            let _ = write!(y, "关于{topic}的建议");
        }
        "survey" => {
            let _ = write!(y, "关于{topic}的调研报告");
        }
        "reception" => {
            let s = &ctx.stations[station.unwrap_or(0)];
            let _ = write!(y, "{}{}月接待选民活动记录", s.name, when.1);
        }
        "activity" => match grp {
            Some(g) => {
                let _ = write!(y, "{}专业代表小组开展{}主题活动", TAGS[g].0, r.pick(TAGS).0);
            }
            None => {
                let _ = write!(y, "代表{}{topic}活动简报", r.pick(VERBS));
            }
        },
        _ => {
            let (p, ..) = r.pick(PROVINCES);
            let _ = write!(y, "{p}{}人大代表{}{topic}", r.pick(CITIES), r.pick(VERBS));
        }
    }
    y.push_str("\ndate: ");
    date(y, when);
    let _ = writeln!(y, "\nkind: {}", KINDS[kind]);
    if !who.is_empty() {
        y.push_str("representatives: [");
        for (j, &w) in who.iter().enumerate() {
            if j > 0 {
                y.push_str(", ");
            }
            y.push_str(&reps[w as usize].id);
        }
        y.push_str("]\n");
    }
    if let Some(s) = station {
        let _ = writeln!(y, "station: {}", ctx.stations[s].id);
    }
    if let Some(g) = grp {
        let _ = writeln!(y, "groups: [{}]", TAGS[g].1);
    }
    let mut tags = Vec::new();
    r.sample(TAGS.len(), 3, &mut tags);
    let _ = writeln!(
        y,
        "tags: [{}, {}, {}]",
        TAGS[tags[0]].0, TAGS[tags[1]].0, TAGS[tags[2]].0
    );
    if r.chance(300) {
        y.push_str("summary: ");
        sentence(&mut r, y);
        y.push('\n');
    }
    if r.chance(5) {
        y.push_str("draft: true\n");
    }
    match KINDS[kind] {
        "suggestion" => {
            let status = match r.below(100) {
                0..15 => "submitted",
                15..40 => "handling",
                40..75 => "answered",
                _ => "resolved",
            };
            let answered = add_months(when, r.range(1, 3));
            let status = if matches!(status, "answered" | "resolved") && answered > AS_OF {
                "handling"
            } else {
                status
            };
            let _ = write!(
                y,
                "suggestion:\n  number: 第{}号\n  status: {status}\n  handler: {}{}\n",
                r.range(1, 800),
                if r.chance(600) { "市" } else { "区" },
                r.pick(HANDLERS)
            );
            if matches!(status, "answered" | "resolved") {
                y.push_str("  answered_on: ");
                date(y, answered);
                let satisfaction = match r.below(100) {
                    0..70 => "satisfied",
                    70..92 => "basically",
                    _ => "unsatisfied",
                };
                let _ = writeln!(y, "\n  satisfaction: {satisfaction}");
            }
        }
        "reception" => {
            let visitors = r.range(3, 60);
            let _ = writeln!(
                y,
                "reception: {{visitors: {visitors}, opinions: {}}}",
                r.range(1, visitors / 2 + 1)
            );
        }
        _ => {}
    }
    y.push_str("---\n");

    // The peers' report body, ~1,500 characters.
    prose(&mut r, 200, y);
    y.push_str("\n\n## 一、基本情况\n\n");
    prose(&mut r, 260, y);
    y.push_str("\n\n");
    prose(&mut r, 200, y);
    y.push_str("\n\n## 二、主要做法\n\n");
    for _ in 0..5 {
        let verb = r.pick(VERBS);
        let _ = write!(y, "- **{}**：", verb.trim_end_matches('了'));
        sentence(&mut r, y);
        y.push('\n');
    }
    y.push_str("\n### 数据统计\n\n| 项目 | 数量 | 同比 | 备注 |\n| --- | ---: | ---: | --- |\n");
    for _ in 0..6 {
        let obj = r.pick(OBJECTS);
        let count = r.range(1, 500);
        let change = r.range(0, 90) as i32 - 30;
        let _ = writeln!(
            y,
            "| {obj} | {count} | {change:+}% | {} |",
            r.pick(STATUSES)
        );
    }
    y.push_str("\n## 三、存在问题\n\n");
    for j in 1..=4 {
        let _ = write!(y, "{j}. ");
        sentence(&mut r, y);
        y.push('\n');
    }
    y.push_str("\n## 四、下一步打算\n\n");
    prose(&mut r, 240, y);
    y.push_str("\n\n> ");
    sentence(&mut r, y);
    y.push('\n');
    (when.0, format!("{}-{k:06}", KINDS[kind]))
}

/// Runs `work(i, buffer)` for i in 0..n on `threads` threads, in contiguous chunks;
/// the results come back in index order.
fn par_map<T: Send>(
    n: usize,
    threads: usize,
    work: impl Fn(usize, &mut String) -> T + Sync,
) -> Vec<T> {
    let chunk = n.div_ceil(threads.max(1)).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..n)
            .step_by(chunk)
            .map(|lo| {
                let work = &work;
                scope.spawn(move || {
                    let mut buf = String::with_capacity(8 * 1024);
                    (lo..(lo + chunk).min(n))
                        .map(|i| work(i, &mut buf))
                        .collect::<Vec<T>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("worker panicked"))
            .collect()
    })
}

/// The portrait with the representative's id in a comment segment (FF FE) right after
/// the start-of-image marker, so that every photo is a different, valid JPEG.
fn write_photo(ctx: &Ctx, id: &str) {
    let comment = format!("repdir gen: {id}");
    let len = (comment.len() + 2) as u16;
    let mut jpeg = Vec::with_capacity(PORTRAIT.len() + comment.len() + 4);
    jpeg.extend_from_slice(&PORTRAIT[..2]);
    jpeg.extend_from_slice(&[0xff, 0xfe]);
    jpeg.extend_from_slice(&len.to_be_bytes());
    jpeg.extend_from_slice(comment.as_bytes());
    jpeg.extend_from_slice(&PORTRAIT[2..]);
    let path = ctx.content.join(format!("media/photos/{id}.jpg"));
    if let Err(e) = std::fs::write(&path, jpeg) {
        eprintln!("gen: cannot write {}: {e}", path.display());
        std::process::exit(1);
    }
}

fn site_yaml() -> String {
    let mut y = String::from(
        "title: 人大代表名录（生成数据）\n\
         base_url: https://rd.example.gov.cn/\n\
         authority: 示例市人大常委会\n\
         congress: 示例市第十八届人民代表大会\n\
         description: 本站为性能测试生成的人大代表名录，收录五级人大代表、代表联络站（点、室）、代表专业小组和履职报告，内容均为虚构。\n\
         feedback: {label: 人大代表联络平台, url: \"https://lianluo.example.gov.cn/\", phone: \"12345\"}\n\
         as_of: ",
    );
    date(&mut y, AS_OF);
    y.push('\n');
    y
}

fn usage() -> ! {
    eprintln!("usage: gen N DIR [--seed S] [--photos]");
    std::process::exit(2);
}

fn main() {
    let mut positional = Vec::new();
    let mut seed = DEFAULT_SEED;
    let mut photos = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--photos" => photos = true,
            "--seed" => {
                seed = args
                    .next()
                    .and_then(|s| s.parse().ok())
                    .unwrap_or_else(|| usage())
            }
            s if s.starts_with("--seed=") => seed = s[7..].parse().unwrap_or_else(|_| usage()),
            "-h" | "--help" => usage(),
            _ => positional.push(a),
        }
    }
    let [n, dir] = positional.as_slice() else {
        usage()
    };
    let Ok(n) = n.parse::<usize>() else { usage() };
    let started = Instant::now();
    let content = Path::new(dir).join("content");
    if content.exists() {
        std::fs::remove_dir_all(&content).unwrap_or_else(|e| {
            eprintln!("gen: cannot remove {}: {e}", content.display());
            std::process::exit(1);
        });
    }
    for sub in ["representatives", "stations", "groups", "reports"] {
        std::fs::create_dir_all(content.join(sub)).expect("cannot create content folders");
    }
    if photos {
        std::fs::create_dir_all(content.join("media/photos")).expect("cannot create media/photos");
    }
    for year in 2023..=AS_OF.0 {
        std::fs::create_dir_all(content.join(format!("reports/{year}")))
            .expect("cannot create reports/<year>");
    }
    write_file(&content.join("site.yaml"), &site_yaml());

    let ns = (n / 10).max(1);
    let n_reports = (n / 2).max(1);
    let threads = std::thread::available_parallelism()
        .map_or(2, |p| p.get())
        .min(8);

    let mut heads: Vec<StationHead> = Vec::with_capacity(ns);
    for s in 0..ns {
        let mut r = Rng::item(seed, K_STATION, s);
        let head = station_head(&mut r, s, &heads);
        heads.push(head);
    }
    let ctx = Ctx {
        seed,
        n,
        photos,
        content,
        stations: heads,
    };

    // First what stations, groups and reports need of each representative (no files
    // yet), so that every folder can then be written by a thread of its own: threads
    // creating files in one folder queue on its lock (and spin while they wait).
    let reps: Vec<RepMeta> = par_map(n, threads, |i, y| representative(&ctx, i, y));
    let mut station_members: Vec<Vec<u32>> = vec![Vec::new(); ns];
    let mut group_members: Vec<Vec<u32>> = vec![Vec::new(); TAGS.len()];
    for (i, rep) in reps.iter().enumerate() {
        for s in rep.stations.into_iter().filter(|&s| s != NONE) {
            station_members[s as usize].push(i as u32);
        }
        if rep.group != NO_GROUP {
            group_members[rep.group as usize].push(i as u32);
        }
    }

    let (ctx, reps) = (&ctx, &reps);
    let (station_members, group_members) = (&station_members, &group_members);
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let mut y = String::with_capacity(8 * 1024);
            for i in 0..n {
                let meta = representative(ctx, i, &mut y);
                let path = format!("representatives/{}.yaml", meta.id);
                write_file(&ctx.content.join(path), &y);
                if ctx.photos && i % 10 == 0 {
                    write_photo(ctx, &meta.id);
                }
            }
        });
        scope.spawn(move || {
            let mut y = String::with_capacity(8 * 1024);
            for (s, members) in station_members.iter().enumerate() {
                station(ctx, s, members, reps, &mut y);
                let path = format!("stations/{}.yaml", ctx.stations[s].id);
                write_file(&ctx.content.join(path), &y);
            }
            for g in 0..TAGS.len() {
                group(ctx, g, &group_members[g], reps, &mut y);
                write_file(&ctx.content.join(format!("groups/{}.yaml", TAGS[g].1)), &y);
            }
        });
        if n > 0 {
            // Reports go to one folder a year; one writer for all of them.
            scope.spawn(move || {
                let mut y = String::with_capacity(16 * 1024);
                for k in 0..n_reports {
                    let (year, slug) = report(ctx, k, reps, station_members, group_members, &mut y);
                    write_file(&ctx.content.join(format!("reports/{year}/{slug}.md")), &y);
                }
            });
        }
    });
    println!(
        "gen: {n} representatives, {ns} stations, {} groups, {} reports{} into {} in {:.2?} (seed {seed})",
        TAGS.len(),
        if n > 0 { n_reports } else { 0 },
        if photos {
            format!(", {} photos", n.div_ceil(10))
        } else {
            String::new()
        },
        ctx.content.display(),
        started.elapsed()
    );
}
