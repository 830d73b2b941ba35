use calendar::{free_slots, SlotError};

const DAY: (u32, u32) = (540, 1020);

#[test]
fn a_day_without_meetings_is_free() {
    assert_eq!(free_slots(&[], DAY, 1), Ok(vec![DAY]));
    assert_eq!(free_slots(&[], DAY, 480), Ok(vec![DAY]));
    assert_eq!(free_slots(&[], DAY, 481), Ok(vec![]));
    assert_eq!(free_slots(&[], (0, 1), 1), Ok(vec![(0, 1)]));
}

#[test]
fn a_slot_of_exactly_min_len_counts() {
    assert_eq!(free_slots(&[(570, 1020)], DAY, 30), Ok(vec![(540, 570)]));
    assert_eq!(free_slots(&[(540, 600), (630, 1020)], DAY, 30), Ok(vec![(600, 630)]));
    assert_eq!(free_slots(&[(540, 600), (630, 1020)], DAY, 31), Ok(vec![]));
    assert_eq!(free_slots(&[(540, 990)], DAY, 30), Ok(vec![(990, 1020)]));
    assert_eq!(free_slots(&[(540, 991)], DAY, 30), Ok(vec![]));
}

#[test]
fn touching_meetings_leave_no_gap() {
    assert_eq!(free_slots(&[(600, 630), (630, 660)], DAY, 1), Ok(vec![(540, 600), (660, 1020)]));
    assert_eq!(free_slots(&[(540, 600), (600, 1020)], DAY, 1), Ok(vec![]));
    assert_eq!(free_slots(&[(541, 600), (601, 1019)], DAY, 1), Ok(vec![(540, 541), (600, 601), (1019, 1020)]));
}

#[test]
fn a_meeting_inside_a_longer_one_frees_nothing() {
    assert_eq!(free_slots(&[(600, 900), (610, 620), (700, 710)], DAY, 1), Ok(vec![(540, 600), (900, 1020)]));
    assert_eq!(free_slots(&[(700, 710), (600, 900)], DAY, 1), Ok(vec![(540, 600), (900, 1020)]));
    assert_eq!(free_slots(&[(600, 900), (600, 700)], DAY, 1), Ok(vec![(540, 600), (900, 1020)]));
}

#[test]
fn meetings_in_any_order_and_overlapping_the_day_edges() {
    let busy = [(1000, 1100), (700, 760), (0, 560), (750, 800), (620, 640), (1020, 1030), (300, 545)];
    assert_eq!(free_slots(&busy, DAY, 20), Ok(vec![(560, 620), (640, 700), (800, 1000)]));
    assert_eq!(free_slots(&busy, DAY, 61), Ok(vec![(800, 1000)]));
    assert_eq!(free_slots(&[(0, 100), (2000, 2100)], DAY, 1), Ok(vec![DAY]));
    assert_eq!(free_slots(&[(0, 540), (1020, 1440)], DAY, 1), Ok(vec![DAY]));
    assert_eq!(free_slots(&[(0, 1440)], DAY, 1), Ok(vec![]));
}

#[test]
fn leaves_the_meetings_as_given() {
    let busy = vec![(700, 760), (600, 620)];
    let copy = busy.clone();
    assert_eq!(free_slots(&busy, DAY, 1), Ok(vec![(540, 600), (620, 700), (760, 1020)]));
    assert_eq!(busy, copy);
}

#[test]
fn checks_the_day_then_the_length_then_the_meetings() {
    assert_eq!(free_slots(&[], (600, 600), 1), Err(SlotError::BadDay(600, 600)));
    assert_eq!(free_slots(&[], (601, 600), 1), Err(SlotError::BadDay(601, 600)));
    assert_eq!(free_slots(&[(5, 5)], (601, 600), 0), Err(SlotError::BadDay(601, 600)));
    assert_eq!(free_slots(&[], DAY, 0), Err(SlotError::ZeroLength));
    assert_eq!(free_slots(&[(5, 5)], DAY, 0), Err(SlotError::ZeroLength));
    assert_eq!(free_slots(&[(600, 610), (700, 690), (800, 800)], DAY, 1), Err(SlotError::BadInterval(700, 690)));
    assert_eq!(free_slots(&[(0, 1), (2000, 1999)], DAY, 1), Err(SlotError::BadInterval(2000, 1999)));
}

#[test]
fn handles_many_meetings() {
    // 100 000 one-minute meetings every other minute, in reverse order: 50 000 free minutes.
    let busy: Vec<(u32, u32)> = (0..100_000u32).rev().map(|i| (2 * i + 1, 2 * i + 2)).collect();
    let slots = free_slots(&busy, (0, 200_001), 1).unwrap();
    assert_eq!(slots.len(), 100_001);
    assert_eq!(slots[0], (0, 1));
    assert_eq!(slots[1], (2, 3));
    assert_eq!(slots[100_000], (200_000, 200_001));
    assert_eq!(free_slots(&busy, (0, 200_001), 2), Ok(vec![]));
}
