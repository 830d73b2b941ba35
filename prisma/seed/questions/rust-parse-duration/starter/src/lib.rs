/// The number of seconds `text` stands for, or `None` when it is not a duration.
/// The rules are in the statement.
pub fn parse_duration(text: &str) -> Option<u64> {
    let _ = text;
    todo!("parse the duration")
}
