#include "calendar.hpp"

#include <iterator>
#include <stdexcept>
#include <string>

bool Calendar::book(long long start, long long end) {
    if (start < 0 || start >= end) {
        throw std::invalid_argument("not a booking: [" + std::to_string(start) + ", " + std::to_string(end) + ")");
    }
    // A booking that starts at or after `end` cannot overlap. Of those that start before it,
    // the last one ends latest: it overlaps exactly when some booking does.
    const auto after = bookings_.lower_bound(end);
    if (after != bookings_.begin() && std::prev(after)->second > start) return false;
    bookings_.emplace(start, end);
    return true;
}

bool Calendar::cancel(long long start) {
    return bookings_.erase(start) > 0;
}

std::size_t Calendar::size() const {
    return bookings_.size();
}
