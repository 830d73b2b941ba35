/// The number of seconds `text` stands for, or `None` when it is not a duration.
/// The rules are in the statement.
pub fn parse_duration(text: &str) -> Option<u64> {
    let units = [('h', 3600), ('m', 60), ('s', 1)];
    let mut total = 0;
    let mut rest = text;
    let mut next_unit = 0;
    if rest.is_empty() {
        return None;
    }
    while !rest.is_empty() {
        let digits = rest.bytes().take_while(|b| b.is_ascii_digit()).count();
        if digits == 0 || digits > 9 {
            return None;
        }
        let number: u64 = rest[..digits].parse().ok()?;
        // A number at the end without its unit is read as seconds.
        let unit = rest[digits..].chars().next().unwrap_or('s');
        let position = units.iter().position(|(name, _)| *name == unit)?;
        if position < next_unit {
            return None;
        }
        total += number * units[position].1;
        next_unit = position + 1;
        rest = rest.get(digits + unit.len_utf8()..).unwrap_or("");
    }
    Some(total)
}
