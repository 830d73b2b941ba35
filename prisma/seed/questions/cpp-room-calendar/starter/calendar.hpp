#pragma once

#include <cstddef>

// The bookings of one room: half-open ranges [start, end) of seconds. The rules are in the
// statement.
class Calendar {
public:
    // Books [start, end) and returns true when it overlaps no booking held so far; otherwise
    // changes nothing and returns false. Throws std::invalid_argument for a bad booking.
    bool book(long long start, long long end);
    // Cancels the booking that starts at `start`; false (and no change) when there is none.
    bool cancel(long long start);
    // How many bookings the calendar holds.
    std::size_t size() const;

private:
    // Add what the calendar needs to remember.
};
