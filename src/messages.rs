//! The words of every diagnostic, in Chinese and English.
//!
//! Stages report a [`Msg`] (what went wrong, as data); the text is made here, once, in
//! the site's language. Keeping all wording in one file keeps the tone consistent (say
//! what is wrong, then what to do) and lets tests match on variants, not on sentences.

/// The language of messages and of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Simplified Chinese, the default.
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// The BCP 47 tag, as written in `site.yaml` and in `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }
}

/// What kind of value a field expects (for "wrong type" messages).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// A piece of text.
    Text,
    /// A list (`- item` lines).
    List,
    /// A group of `key: value` fields.
    Map,
    /// A number.
    Number,
    /// `true` or `false`.
    Bool,
}

/// The kind of record a reference points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordKind {
    /// `content/representatives/`
    Representative,
    /// `content/stations/`
    Station,
    /// `content/groups/`
    Group,
    /// `content/reports/`
    Report,
}

impl RecordKind {
    fn word(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (RecordKind::Representative, Lang::Zh) => "代表",
            (RecordKind::Station, Lang::Zh) => "联络站（点、室）",
            (RecordKind::Group, Lang::Zh) => "代表小组",
            (RecordKind::Report, Lang::Zh) => "报告",
            (RecordKind::Representative, Lang::En) => "representative",
            (RecordKind::Station, Lang::En) => "station",
            (RecordKind::Group, Lang::En) => "group",
            (RecordKind::Report, Lang::En) => "report",
        }
    }
}

/// Every problem repdir can report about a site.
#[derive(Debug, Clone, PartialEq)]
#[allow(missing_docs)] // each variant's text below is its documentation
pub enum Msg {
    ContentMissing,
    SiteYamlMissing,
    ReadFailed {
        reason: String,
    },
    FileTooLarge {
        limit_kib: u64,
    },
    DecodedAs {
        encoding: &'static str,
    },
    Undecodable,
    EmptyFile,
    YamlSyntax {
        detail: String,
    },
    YamlTooManyAliases {
        limit: usize,
    },
    YamlTag,
    NotAMap {
        field: String,
    },
    MissingField {
        field: String,
    },
    UnknownField {
        field: String,
        suggestion: Option<String>,
    },
    WrongType {
        field: String,
        expected: Expected,
    },
    BadChoice {
        field: String,
        value: String,
        allowed: String,
    },
    BadDate {
        field: String,
        value: String,
    },
    DatesReversed {
        start: String,
        end: String,
    },
    BadNumber {
        field: String,
        value: String,
    },
    BadUrl {
        field: String,
        value: String,
    },
    BadId {
        id: String,
        suggestion: Option<String>,
    },
    IgnoredFile,
    DuplicateId {
        kind: RecordKind,
        id: String,
        other: String,
    },
    DuplicateAlias {
        alias: String,
        other: String,
    },
    UnknownRef {
        kind: RecordKind,
        id: String,
        suggestion: Option<String>,
    },
    ParentCycle {
        chain: String,
    },
    ParentNotStation {
        parent: String,
    },
    PathOutside {
        path: String,
    },
    PathMissing {
        path: String,
    },
    PathNotFile {
        path: String,
    },
    FrontMatterMissing,
    FrontMatterUnclosed,
    SuggestionMissing,
    ReceptionMissing,
    RotaNotMember {
        representative: String,
        station: String,
    },
    ConvenorNotMember {
        representative: String,
        group: String,
    },
    LooksLikeIdNumber {
        field: String,
    },
    LooksLikeMobile {
        field: String,
    },
    ThemeMissing {
        theme: String,
    },
    NoBaseUrl,
    TemplateError {
        detail: String,
        record: Option<String>,
    },
    I18nError {
        detail: String,
    },
    WriteFailed {
        reason: String,
    },
    OutputInsideContent,
    ImageError {
        detail: String,
    },
    BadCode {
        code: String,
    },
}

impl Msg {
    /// A stable name for tools (`--format json`) and tests.
    pub fn code(&self) -> &'static str {
        match self {
            Msg::ContentMissing => "content-missing",
            Msg::SiteYamlMissing => "site-yaml-missing",
            Msg::ReadFailed { .. } => "read-failed",
            Msg::FileTooLarge { .. } => "file-too-large",
            Msg::DecodedAs { .. } => "not-utf8",
            Msg::Undecodable => "undecodable",
            Msg::EmptyFile => "empty-file",
            Msg::YamlSyntax { .. } => "yaml-syntax",
            Msg::YamlTooManyAliases { .. } => "yaml-aliases",
            Msg::YamlTag => "yaml-tag",
            Msg::NotAMap { .. } => "not-a-map",
            Msg::MissingField { .. } => "missing-field",
            Msg::UnknownField { .. } => "unknown-field",
            Msg::WrongType { .. } => "wrong-type",
            Msg::BadChoice { .. } => "bad-choice",
            Msg::BadDate { .. } => "bad-date",
            Msg::DatesReversed { .. } => "dates-reversed",
            Msg::BadNumber { .. } => "bad-number",
            Msg::BadUrl { .. } => "bad-url",
            Msg::BadId { .. } => "bad-id",
            Msg::IgnoredFile => "ignored-file",
            Msg::DuplicateId { .. } => "duplicate-id",
            Msg::DuplicateAlias { .. } => "duplicate-alias",
            Msg::UnknownRef { .. } => "unknown-reference",
            Msg::ParentCycle { .. } => "parent-cycle",
            Msg::ParentNotStation { .. } => "parent-tier",
            Msg::PathOutside { .. } => "path-outside",
            Msg::PathMissing { .. } => "path-missing",
            Msg::PathNotFile { .. } => "path-not-file",
            Msg::FrontMatterMissing => "front-matter-missing",
            Msg::FrontMatterUnclosed => "front-matter-unclosed",
            Msg::SuggestionMissing => "suggestion-missing",
            Msg::ReceptionMissing => "reception-missing",
            Msg::RotaNotMember { .. } => "rota-not-member",
            Msg::ConvenorNotMember { .. } => "convenor-not-member",
            Msg::LooksLikeIdNumber { .. } => "looks-like-id-number",
            Msg::LooksLikeMobile { .. } => "looks-like-mobile",
            Msg::ThemeMissing { .. } => "theme-missing",
            Msg::NoBaseUrl => "no-base-url",
            Msg::TemplateError { .. } => "template-error",
            Msg::I18nError { .. } => "i18n-error",
            Msg::WriteFailed { .. } => "write-failed",
            Msg::OutputInsideContent => "output-inside-content",
            Msg::ImageError { .. } => "image-error",
            Msg::BadCode { .. } => "bad-code",
        }
    }

    /// The message in `lang`: what is wrong, then what to do.
    pub fn text(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => self.zh(),
            Lang::En => self.en(),
        }
    }

    fn zh(&self) -> String {
        match self {
            Msg::ContentMissing => {
                "找不到 content 文件夹；请在站点根目录运行，或用 --site 指定站点目录".into()
            }
            Msg::SiteYamlMissing => {
                "缺少站点设置文件 content/site.yaml；请新建该文件并至少填写 title".into()
            }
            Msg::ReadFailed { reason } => format!("无法读取文件：{reason}"),
            Msg::FileTooLarge { limit_kib } => {
                format!("文件过大（上限 {limit_kib} KiB）；请检查是否放错了文件")
            }
            Msg::DecodedAs { encoding } => {
                format!("文件不是 UTF-8 编码，已按 {encoding} 读取；建议另存为 UTF-8")
            }
            Msg::Undecodable => {
                "文件编码无法识别（既不是 UTF-8 也不是 GBK/GB18030）；请另存为 UTF-8".into()
            }
            Msg::EmptyFile => "文件是空的；请填写内容，或删除该文件".into(),
            Msg::YamlSyntax { detail } => format!("YAML 格式错误：{}", yaml_hint_zh(detail)),
            Msg::YamlTooManyAliases { limit } => {
                format!("YAML 别名（*引用）展开后超过 {limit} 个节点，已拒绝读取；请直接写出内容")
            }
            Msg::YamlTag => "不支持 YAML 标签（以 ! 开头的写法）；请删去标签".into(),
            Msg::NotAMap { field } if field.is_empty() => "文件内容应当是“字段: 值”的形式".into(),
            Msg::NotAMap { field } => format!("“{field}”应当是一组“字段: 值”"),
            Msg::MissingField { field } => format!("缺少必填字段“{field}”"),
            Msg::UnknownField {
                field,
                suggestion: Some(s),
            } => format!("未知字段“{field}”，是不是要写“{s}”？"),
            Msg::UnknownField {
                field,
                suggestion: None,
            } => format!("未知字段“{field}”；请对照格式说明检查拼写"),
            Msg::WrongType { field, expected } => {
                format!("“{field}”应当是{}", expected_zh(*expected))
            }
            Msg::BadChoice {
                field,
                value,
                allowed,
            } => format!("“{field}”的值“{value}”无效；可选：{allowed}"),
            Msg::BadDate { field, value } => {
                format!("“{field}”的日期“{value}”无效；请写成 YYYY-MM-DD，例如 2026-01-15")
            }
            Msg::DatesReversed { start, end } => format!("“{start}”晚于“{end}”；请检查起止日期"),
            Msg::BadNumber { field, value } => format!("“{field}”的值“{value}”不是有效的数字"),
            Msg::BadUrl { field, value } => format!(
                "“{field}”的网址“{value}”无效；请写完整网址，例如 https://rd.example.gov.cn/"
            ),
            Msg::BadId {
                id,
                suggestion: Some(s),
            } => format!("“{id}”不能作为编号：只能用小写字母、数字和连字符；建议改名为“{s}”"),
            Msg::BadId {
                id,
                suggestion: None,
            } => format!(
                "“{id}”不能作为编号：只能用小写字母、数字和连字符（例如 zhang-san），最长 64 个字符"
            ),
            Msg::IgnoredFile => "此文件不是 .yaml 记录，已忽略".into(),
            Msg::DuplicateId { kind, id, other } => {
                format!("{}编号“{id}”重复，另见 {other}", kind.word(Lang::Zh))
            }
            Msg::DuplicateAlias { alias, other } => {
                format!("曾用编号“{alias}”已被 {other} 使用；每个编号只能指向一位代表")
            }
            Msg::UnknownRef {
                kind,
                id,
                suggestion: Some(s),
            } => format!("没有编号为“{id}”的{}，是不是“{s}”？", kind.word(Lang::Zh)),
            Msg::UnknownRef {
                kind,
                id,
                suggestion: None,
            } => format!("没有编号为“{id}”的{}", kind.word(Lang::Zh)),
            Msg::ParentCycle { chain } => format!("上级关系形成了循环：{chain}"),
            Msg::ParentNotStation { parent } => {
                format!("上级“{parent}”本身是联络点或工作室；请把上级设为联络站")
            }
            Msg::PathOutside { path } => format!(
                "路径“{path}”指向 content 文件夹之外；请把文件放进 content/media/ 并写相对路径"
            ),
            Msg::PathMissing { path } => format!("找不到文件“{path}”（路径相对于 content/）"),
            Msg::PathNotFile { path } => format!("“{path}”不是文件"),
            Msg::FrontMatterMissing => "报告开头缺少以 --- 包围的信息块（标题、日期、类型）".into(),
            Msg::FrontMatterUnclosed => "开头的信息块没有用 --- 结束".into(),
            Msg::SuggestionMissing => {
                "类型为建议的报告必须填写 suggestion，并注明办理状态 status".into()
            }
            Msg::ReceptionMissing => {
                "类型为接待的报告最好填写 reception（接待人数 visitors、收集意见 opinions）".into()
            }
            Msg::RotaNotMember {
                representative,
                station,
            } => format!(
                "排班中的代表“{representative}”没有登记在“{station}”；请在该代表的 stations 中加上此站"
            ),
            Msg::ConvenorNotMember {
                representative,
                group,
            } => format!(
                "召集人“{representative}”不在小组“{group}”中；请在该代表的 groups 中加上此小组"
            ),
            Msg::LooksLikeIdNumber { field } => {
                format!("公开字段“{field}”中似乎有身份证号码；身份证号不应公开，请移到 private 中")
            }
            Msg::LooksLikeMobile { field } => format!(
                "公开字段“{field}”中似乎有个人手机号码；如不应公开，请加 public: false 或移到 private 中"
            ),
            Msg::ThemeMissing { theme } => format!("找不到主题文件夹 themes/{theme}/"),
            Msg::NoBaseUrl => {
                "未设置 base_url：二维码和公示牌需要网站的正式网址，本次不生成".into()
            }
            Msg::TemplateError {
                detail,
                record: Some(r),
            } => format!("模板错误：{detail}（生成 {r} 的页面时）"),
            Msg::TemplateError {
                detail,
                record: None,
            } => format!("模板错误：{detail}"),
            Msg::I18nError { detail } => format!("界面文字文件有误：{detail}"),
            Msg::WriteFailed { reason } => format!("无法写入输出：{reason}；原有的输出保持不变"),
            Msg::OutputInsideContent => {
                "输出文件夹不能是站点文件夹本身，也不能在 content 里面；请换一个 --output".into()
            }
            Msg::ImageError { detail } => {
                format!("图片无法读取：{detail}；请换一张 JPEG 或 PNG 图片")
            }
            Msg::BadCode { code } => format!(
                "短码“{code}”无效：codes.yaml 由 repdir 维护，请恢复原样（短码由 2-9 和除 I、O 外的大写字母组成）"
            ),
        }
    }

    fn en(&self) -> String {
        match self {
            Msg::ContentMissing => {
                "no content folder here; run in the site's folder or pass --site DIR".into()
            }
            Msg::SiteYamlMissing => {
                "content/site.yaml is missing; create it with at least a title".into()
            }
            Msg::ReadFailed { reason } => format!("cannot read the file: {reason}"),
            Msg::FileTooLarge { limit_kib } => {
                format!("the file is too large (limit {limit_kib} KiB); is it the right file?")
            }
            Msg::DecodedAs { encoding } => {
                format!("the file is not UTF-8; read as {encoding}; please save it as UTF-8")
            }
            Msg::Undecodable => {
                "the file's encoding is neither UTF-8 nor GBK/GB18030; please save it as UTF-8"
                    .into()
            }
            Msg::EmptyFile => "the file is empty; fill it in or delete it".into(),
            Msg::YamlSyntax { detail } => format!("YAML syntax error: {detail}"),
            Msg::YamlTooManyAliases { limit } => format!(
                "YAML aliases (*refs) expand to more than {limit} nodes; refused; write the values out"
            ),
            Msg::YamlTag => "YAML tags (`!something`) are not supported; remove the tag".into(),
            Msg::NotAMap { field } if field.is_empty() => {
                "the file should hold `field: value` lines".into()
            }
            Msg::NotAMap { field } => {
                format!("\"{field}\" should be a group of `field: value` lines")
            }
            Msg::MissingField { field } => format!("missing required field \"{field}\""),
            Msg::UnknownField {
                field,
                suggestion: Some(s),
            } => format!("unknown field \"{field}\", did you mean \"{s}\"?"),
            Msg::UnknownField {
                field,
                suggestion: None,
            } => format!("unknown field \"{field}\"; check its spelling against the format"),
            Msg::WrongType { field, expected } => {
                format!("\"{field}\" should be {}", expected_en(*expected))
            }
            Msg::BadChoice {
                field,
                value,
                allowed,
            } => format!("\"{value}\" is not a valid \"{field}\"; expected one of: {allowed}"),
            Msg::BadDate { field, value } => format!(
                "\"{value}\" is not a valid date for \"{field}\"; write YYYY-MM-DD, e.g. 2026-01-15"
            ),
            Msg::DatesReversed { start, end } => {
                format!("\"{start}\" is after \"{end}\"; check the dates")
            }
            Msg::BadNumber { field, value } => {
                format!("\"{value}\" is not a valid number for \"{field}\"")
            }
            Msg::BadUrl { field, value } => format!(
                "\"{value}\" is not a valid URL for \"{field}\"; write it in full, e.g. https://rd.example.gov.cn/"
            ),
            Msg::BadId {
                id,
                suggestion: Some(s),
            } => format!(
                "\"{id}\" cannot be an id: use lower-case letters, digits and hyphens; rename it to \"{s}\""
            ),
            Msg::BadId {
                id,
                suggestion: None,
            } => format!(
                "\"{id}\" cannot be an id: use lower-case letters, digits and hyphens (e.g. zhang-san), at most 64 characters"
            ),
            Msg::IgnoredFile => "not a .yaml record; ignored".into(),
            Msg::DuplicateId { kind, id, other } => format!(
                "{} id \"{id}\" is used twice; see also {other}",
                kind.word(Lang::En)
            ),
            Msg::DuplicateAlias { alias, other } => format!(
                "earlier id \"{alias}\" is already used by {other}; an id can lead to one representative only"
            ),
            Msg::UnknownRef {
                kind,
                id,
                suggestion: Some(s),
            } => format!(
                "no {} with id \"{id}\", did you mean \"{s}\"?",
                kind.word(Lang::En)
            ),
            Msg::UnknownRef {
                kind,
                id,
                suggestion: None,
            } => format!("no {} with id \"{id}\"", kind.word(Lang::En)),
            Msg::ParentCycle { chain } => format!("the parents form a cycle: {chain}"),
            Msg::ParentNotStation { parent } => format!(
                "parent \"{parent}\" is itself a point or office; make a station the parent"
            ),
            Msg::PathOutside { path } => format!(
                "path \"{path}\" leads outside the content folder; put the file under content/media/ and give a relative path"
            ),
            Msg::PathMissing { path } => {
                format!("no file \"{path}\" (paths are relative to content/)")
            }
            Msg::PathNotFile { path } => format!("\"{path}\" is not a file"),
            Msg::FrontMatterMissing => {
                "the report must start with a block between --- lines (title, date, kind)".into()
            }
            Msg::FrontMatterUnclosed => "the block at the top is not closed by a --- line".into(),
            Msg::SuggestionMissing => {
                "a report of kind suggestion needs a `suggestion` block with a `status`".into()
            }
            Msg::ReceptionMissing => {
                "a report of kind reception should give `reception` (visitors, opinions)".into()
            }
            Msg::RotaNotMember {
                representative,
                station,
            } => format!(
                "rota names \"{representative}\", who is not assigned to \"{station}\"; add the station to their `stations`"
            ),
            Msg::ConvenorNotMember {
                representative,
                group,
            } => format!(
                "convenor \"{representative}\" is not a member of \"{group}\"; add the group to their `groups`"
            ),
            Msg::LooksLikeIdNumber { field } => format!(
                "public field \"{field}\" seems to hold an ID card number; move it to `private`"
            ),
            Msg::LooksLikeMobile { field } => format!(
                "public field \"{field}\" seems to hold a personal mobile number; add `public: false` or move it to `private` if it should not be published"
            ),
            Msg::ThemeMissing { theme } => format!("no theme folder themes/{theme}/"),
            Msg::NoBaseUrl => {
                "no base_url: QR codes and noticeboards need the site's public address; skipped"
                    .into()
            }
            Msg::TemplateError { detail, record: Some(r) } => format!("template error: {detail} (while rendering {r})"),
            Msg::TemplateError { detail, record: None } => format!("template error: {detail}"),
            Msg::I18nError { detail } => format!("interface strings file is wrong: {detail}"),
            Msg::WriteFailed { reason } => format!("cannot write the output: {reason}; the previous output is left as it was"),
            Msg::OutputInsideContent => "the output folder cannot be the site folder itself or lie inside content/; choose another --output".into(),
            Msg::ImageError { detail } => format!("cannot read the image: {detail}; use a JPEG or PNG file"),
            Msg::BadCode { code } => format!("\"{code}\" is not a valid short code; codes.yaml is kept by repdir: restore it (codes use 2-9 and A-Z without I and O)"),
        }
    }
}

fn expected_zh(e: Expected) -> &'static str {
    match e {
        Expected::Text => "一段文字",
        Expected::List => "一个列表（每项以“- ”开头）",
        Expected::Map => "一组“字段: 值”",
        Expected::Number => "一个数字",
        Expected::Bool => "true 或 false",
    }
}

fn expected_en(e: Expected) -> &'static str {
    match e {
        Expected::Text => "text",
        Expected::List => "a list (lines starting with `- `)",
        Expected::Map => "a group of `field: value` lines",
        Expected::Number => "a number",
        Expected::Bool => "true or false",
    }
}

/// The parser's English detail, with a Chinese hint for the mistakes keepers make most.
fn yaml_hint_zh(detail: &str) -> String {
    let hint = if detail.contains("tab") || detail.contains("cannot start any token") {
        "（常见原因：用了 Tab 缩进，或值以特殊符号开头；请用空格缩进，值加引号）"
    } else if detail.contains("mapping values are not allowed") {
        "（常见原因：值里有英文冒号加空格；请给整个值加引号）"
    } else if detail.contains("duplicate") {
        "（同一个字段写了两次；请删去一个）"
    } else if detail.contains("quoted") || detail.contains("quote") {
        "（引号没有配对；请补上结尾的引号）"
    } else if detail.contains("flow") || detail.contains("']'") || detail.contains("'}'") {
        "（方括号或花括号没有配对）"
    } else if detail.contains("indentation") || detail.contains("expected key") {
        "（缩进不一致；同一层的字段要对齐）"
    } else {
        ""
    };
    format!("{detail}{hint}")
}
