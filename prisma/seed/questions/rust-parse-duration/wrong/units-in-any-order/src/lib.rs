/// The number of seconds `text` stands for, or `None` when it is not a duration.
/// The rules are in the statement.
pub fn parse_duration(text: &str) -> Option<u64> {
    let mut total = 0;
    let mut rest = text;
    let mut seen = Vec::new();
    if rest.is_empty() {
        return None;
    }
    while !rest.is_empty() {
        let digits = rest.bytes().take_while(|b| b.is_ascii_digit()).count();
        if digits == 0 || digits > 9 {
            return None;
        }
        let number: u64 = rest[..digits].parse().ok()?;
        let unit = rest[digits..].chars().next()?;
        // Each unit once — but in any order.
        if seen.contains(&unit) {
            return None;
        }
        seen.push(unit);
        total += number
            * match unit {
                'h' => 3600,
                'm' => 60,
                's' => 1,
                _ => return None,
            };
        rest = &rest[digits + unit.len_utf8()..];
    }
    Some(total)
}
