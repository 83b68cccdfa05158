//! Spotting personal data in public fields: mainland ID numbers and mobile numbers.
//!
//! A published ID number or private mobile is hard to take back, so `check` warns when
//! public text looks like one. The patterns are the national formats: an ID number has
//! 17 digits and a check character (GB 11643, mod 11-2); a mobile number has 11 digits
//! starting 13–19. Digits written with spaces or hyphens inside are joined first.

/// True when `text` holds something that looks like a mainland ID number.
pub(super) fn has_id_number(text: &str) -> bool {
    digit_runs(text)
        .iter()
        .any(|run| run.len() == 18 && id_checksum_ok(run))
}

/// True when `text` holds something that looks like a mainland mobile number.
pub(super) fn has_mobile(text: &str) -> bool {
    digit_runs(text).iter().any(|run| {
        // +86 and 0086 are the country code in front of the national number.
        let national = run
            .strip_prefix("0086")
            .or_else(|| run.strip_prefix("86"))
            .filter(|r| r.len() == 11);
        let n = national.unwrap_or(run).as_bytes();
        n.len() == 11 && n[0] == b'1' && (b'3'..=b'9').contains(&n[1])
    })
}

/// Runs of digits (and a final `X`), joined across single spaces and hyphens.
fn digit_runs(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut runs = Vec::new();
    let mut current = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_digit() {
            current.push(c);
        } else if (c == 'X' || c == 'x') && current.len() == 17 {
            current.push('X');
        } else if (c == ' ' || c == '-')
            && !current.is_empty()
            && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit())
        {
            // "138 0000 0001" and "138-0000-0001" are one number.
        } else if !current.is_empty() {
            runs.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        runs.push(current);
    }
    runs
}

fn id_checksum_ok(id: &str) -> bool {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const CHECK: &[u8; 11] = b"10X98765432";
    let b = id.as_bytes();
    if !b[..17].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let sum: u32 = b[..17]
        .iter()
        .zip(WEIGHTS)
        .map(|(d, w)| u32::from(d - b'0') * w)
        .sum();
    CHECK[(sum % 11) as usize] == b[17]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_id_numbers_with_a_valid_check_digit() {
        assert!(has_id_number("身份证 11010519491231002X"));
        assert!(!has_id_number("110105194912310021"));
        assert!(!has_id_number("编号 2026"));
    }

    #[test]
    fn finds_mobiles_also_when_spaced() {
        assert!(has_mobile("手机 13800000001"));
        assert!(has_mobile("138 0000 0001"));
        assert!(has_mobile("138-0000-0001"));
        assert!(has_mobile("+86 138 0000 0001"));
        assert!(has_mobile("008613800000001"));
        assert!(!has_mobile("0734-8000001"));
        assert!(!has_mobile("12345"));
        assert!(!has_mobile("123800000001"));
    }
}
