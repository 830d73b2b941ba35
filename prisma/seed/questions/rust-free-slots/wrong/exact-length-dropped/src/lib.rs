/// Why there are no slots to propose: the input is not a valid day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlotError {
    /// The working day does not have open < close.
    BadDay(u32, u32),
    /// min_len is 0.
    ZeroLength,
    /// A busy interval does not have start < end.
    BadInterval(u32, u32),
}

/// The free slots of at least `min_len` minutes in `day`, sorted by start.
/// The rules are in the statement.
pub fn free_slots(busy: &[(u32, u32)], day: (u32, u32), min_len: u32) -> Result<Vec<(u32, u32)>, SlotError> {
    let (open, close) = day;
    if open >= close {
        return Err(SlotError::BadDay(open, close));
    }
    if min_len == 0 {
        return Err(SlotError::ZeroLength);
    }
    if let Some(&(start, end)) = busy.iter().find(|(start, end)| start >= end) {
        return Err(SlotError::BadInterval(start, end));
    }
    let mut sorted = busy.to_vec();
    sorted.sort_unstable();
    let mut slots = Vec::new();
    // Everything before `free_from` is busy or before the day.
    let mut free_from = open;
    for (start, end) in sorted {
        // The gap before this meeting, up to the end of the day at most.
        let gap_end = start.min(close);
        if gap_end > free_from.saturating_add(min_len) {
            slots.push((free_from, gap_end));
        }
        // A meeting inside an earlier, longer one does not free the time after it.
        free_from = free_from.max(end);
    }
    if close > free_from.saturating_add(min_len) {
        slots.push((free_from, close));
    }
    Ok(slots)
}
