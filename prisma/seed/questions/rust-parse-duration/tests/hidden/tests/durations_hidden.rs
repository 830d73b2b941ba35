use durations::parse_duration;

#[test]
fn reads_every_combination_of_units() {
    let cases = [
        ("1h", 3600),
        ("1m", 60),
        ("1s", 1),
        ("1h1m", 3660),
        ("1h1s", 3601),
        ("1m1s", 61),
        ("1h1m1s", 3661),
        ("10h20m30s", 37230),
        ("0h0m0s", 0),
    ];
    for (text, seconds) in cases {
        assert_eq!(parse_duration(text), Some(seconds), "{:?}", text);
    }
}

#[test]
fn lets_numbers_exceed_their_units_range() {
    assert_eq!(parse_duration("90m"), Some(5400));
    assert_eq!(parse_duration("100s"), Some(100));
    assert_eq!(parse_duration("25h61m61s"), Some(25 * 3600 + 61 * 60 + 61));
}

#[test]
fn reads_leading_zeros_and_nine_digits() {
    assert_eq!(parse_duration("05m"), Some(300));
    assert_eq!(parse_duration("007s"), Some(7));
    assert_eq!(parse_duration("000000001h"), Some(3600));
    assert_eq!(parse_duration("999999999s"), Some(999_999_999));
    assert_eq!(parse_duration("999999999h999999999m999999999s"), Some(999_999_999 * 3661));
}

#[test]
fn rejects_units_out_of_order_or_repeated() {
    for text in ["30m1h", "1s1m", "1s1h", "1m1h1s", "1h1s1m", "1m1m", "1h1h", "1s1s", "1h2m3s4s"] {
        assert_eq!(parse_duration(text), None, "{:?} is not a duration", text);
    }
}

#[test]
fn rejects_a_number_without_unit_or_a_unit_without_number() {
    for text in ["", "5", "1h30", "1h5m7", "h", "m", "s", "1hm", "1h30ms", "0"] {
        assert_eq!(parse_duration(text), None, "{:?} is not a duration", text);
    }
}

#[test]
fn rejects_other_characters() {
    for text in ["1x", "1H", "1M", "1S", "1h 30m", " 1s", "1s ", "+1s", "-1s", "1.5h", "1_000s", "1d", "١s", "1sé", "1h\n"] {
        assert_eq!(parse_duration(text), None, "{:?} is not a duration", text);
    }
}

#[test]
fn rejects_numbers_of_ten_digits() {
    assert_eq!(parse_duration("1000000000s"), None);
    assert_eq!(parse_duration("0000000001s"), None);
    assert_eq!(parse_duration("1h0000000000m"), None);
}
