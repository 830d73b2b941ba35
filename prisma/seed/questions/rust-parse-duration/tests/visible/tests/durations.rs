use durations::parse_duration;

#[test]
fn reads_a_single_part() {
    assert_eq!(parse_duration("90s"), Some(90));
    assert_eq!(parse_duration("2m"), Some(120));
    assert_eq!(parse_duration("1h"), Some(3600));
}

#[test]
fn adds_up_parts_in_order() {
    assert_eq!(parse_duration("1h30m"), Some(5400));
    assert_eq!(parse_duration("2h5s"), Some(7205));
}

#[test]
fn allows_zero() {
    assert_eq!(parse_duration("0s"), Some(0));
}

#[test]
fn rejects_what_is_not_a_duration() {
    for text in ["", "5", "h", "30m1h", "1h30"] {
        assert_eq!(parse_duration(text), None, "{:?} is not a duration", text);
    }
}
