/// Seconds per unit, in the order the units must come.
const UNITS: [(char, u64); 3] = [('h', 3600), ('m', 60), ('s', 1)];
const MAX_DIGITS: usize = 9;

/// The number of seconds `text` stands for, or `None` when it is not a duration.
/// The rules are in the statement.
pub fn parse_duration(text: &str) -> Option<u64> {
    let mut total = 0;
    let mut rest = text;
    // Units already used, as an index into UNITS: the next part must use a later one.
    let mut next_unit = 0;
    if rest.is_empty() {
        return None;
    }
    while !rest.is_empty() {
        let digits = rest.bytes().take_while(|b| b.is_ascii_digit()).count();
        if digits == 0 || digits > MAX_DIGITS {
            return None;
        }
        let number: u64 = rest[..digits].parse().ok()?;
        let unit = rest[digits..].chars().next()?;
        let position = UNITS.iter().position(|(name, _)| *name == unit)?;
        if position < next_unit {
            return None;
        }
        total += number * UNITS[position].1;
        next_unit = position + 1;
        rest = &rest[digits + unit.len_utf8()..];
    }
    Some(total)
}
