//! Record ids: the slug rule, and the pinyin slug to suggest for a Chinese file name.

use pinyin::ToPinyin;

/// Longest id allowed.
pub const MAX_ID_LEN: usize = 64;

/// `^[a-z0-9]+(-[a-z0-9]+)*$`, at most 64 characters.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

const COMPOUND_SURNAMES: &[&str] = &[
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "慕容", "夏侯", "尉迟", "公孙", "长孙",
    "宇文", "司徒", "端木", "独孤", "南宫", "西门", "呼延", "轩辕",
];

/// The slug for a name or file name: `张三` → `zhang-san`, `李建国` → `li-jianguo`,
/// `阿依古丽·买买提` → `ayiguli-maimaiti`, `Zhang San` → `zhang-san`.
/// Empty when nothing in the text can be spelled in ASCII.
pub fn slug_for(text: &str) -> String {
    let parts: Vec<&str> = text
        .split(['·', '•', '・', '.', ' ', '_', '-', '\u{3000}'])
        .filter(|p| !p.is_empty())
        .collect();
    let single_han_name = parts.len() == 1
        && parts[0].chars().all(is_han)
        && (2..=4).contains(&parts[0].chars().count());
    let mut words: Vec<String> = Vec::new();
    if single_han_name {
        let name = parts[0];
        let surname_len =
            if COMPOUND_SURNAMES.iter().any(|s| name.starts_with(s)) && name.chars().count() > 2 {
                2
            } else {
                1
            };
        let split = name
            .char_indices()
            .nth(surname_len)
            .map_or(name.len(), |(i, _)| i);
        words.push(spell(&name[..split]));
        words.push(spell(&name[split..]));
    } else if parts.len() == 1 && parts[0].chars().all(is_han) {
        // Longer Chinese text (a station's name): one word per syllable, readable in a URL.
        words.extend(parts[0].chars().map(|c| spell(&c.to_string())));
    } else {
        words.extend(parts.iter().map(|p| spell(p)));
    }
    let mut slug = words
        .into_iter()
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    slug.truncate(MAX_ID_LEN);
    slug.trim_end_matches('-').to_owned()
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

/// Pinyin without tones for Han characters, lower-case ASCII letters and digits as they are.
fn spell(text: &str) -> String {
    let mut out = String::new();
    for (c, py) in text.chars().zip(text.to_pinyin()) {
        match py {
            Some(py) => out.push_str(py.plain()),
            None if c.is_ascii_alphanumeric() => out.push(c.to_ascii_lowercase()),
            None => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_id_rule() {
        for ok in ["zhang-san", "a", "baisha-street-2", "x1"] {
            assert!(is_valid_id(ok), "{ok}");
        }
        for bad in [
            "",
            "Zhang-san",
            "zhang_san",
            "-a",
            "a-",
            "a--b",
            "张三",
            "a b",
            &"a".repeat(65),
        ] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }

    #[test]
    fn slugs_from_chinese_names() {
        assert_eq!(slug_for("张三"), "zhang-san");
        assert_eq!(slug_for("李建国"), "li-jianguo");
        assert_eq!(slug_for("欧阳晓明"), "ouyang-xiaoming");
        assert_eq!(slug_for("阿依古丽·买买提"), "ayiguli-maimaiti");
        assert_eq!(slug_for("Zhang San"), "zhang-san");
        assert_eq!(
            slug_for("白沙洲街道联络站"),
            "bai-sha-zhou-jie-dao-lian-luo-zhan"
        );
        assert_eq!(slug_for("!!!"), "");
    }
}
