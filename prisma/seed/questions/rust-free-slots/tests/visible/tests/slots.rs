use calendar::{free_slots, SlotError};

const DAY: (u32, u32) = (540, 1020);

#[test]
fn finds_the_gaps_between_meetings_in_any_order() {
    assert_eq!(free_slots(&[(600, 660), (540, 570)], DAY, 30), Ok(vec![(570, 600), (660, 1020)]));
}

#[test]
fn merges_overlapping_meetings() {
    assert_eq!(free_slots(&[(600, 700), (650, 660)], DAY, 60), Ok(vec![(540, 600), (700, 1020)]));
}

#[test]
fn ignores_time_outside_the_day() {
    assert_eq!(free_slots(&[(500, 560), (1000, 1100)], DAY, 480), Ok(vec![]));
    assert_eq!(free_slots(&[(500, 560), (1000, 1100)], DAY, 30), Ok(vec![(560, 1000)]));
}

#[test]
fn rejects_an_empty_meeting() {
    assert_eq!(free_slots(&[(600, 600)], DAY, 30), Err(SlotError::BadInterval(600, 600)));
}
