/// The number of seconds `text` stands for, or `None` when it is not a duration.
/// The rules are in the statement.
pub fn parse_duration(text: &str) -> Option<u64> {
    let units = [('h', 3600), ('m', 60), ('s', 1)];
    let mut total: u64 = 0;
    let mut rest = text;
    let mut next_unit = 0;
    if rest.is_empty() {
        return None;
    }
    while !rest.is_empty() {
        let digits = rest.bytes().take_while(|b| b.is_ascii_digit()).count();
        if digits == 0 {
            return None;
        }
        // Any number that fits a u64 is accepted.
        let number: u64 = rest[..digits].parse().ok()?;
        let unit = rest[digits..].chars().next()?;
        let position = units.iter().position(|(name, _)| *name == unit)?;
        if position < next_unit {
            return None;
        }
        total = total.checked_add(number.checked_mul(units[position].1)?)?;
        next_unit = position + 1;
        rest = &rest[digits + unit.len_utf8()..];
    }
    Some(total)
}
