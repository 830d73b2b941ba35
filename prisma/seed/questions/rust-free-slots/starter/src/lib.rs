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
    let _ = (busy, day, min_len);
    todo!("find the free slots")
}
