#include "calendar.hpp"

#include <iterator>
#include <stdexcept>
#include <string>

// Only a backwards booking is refused: [7, 7) is held, though it covers no time.
bool Calendar::book(long long start, long long end) {
    if (start < 0 || start > end) {
        throw std::invalid_argument("not a booking: [" + std::to_string(start) + ", " + std::to_string(end) + ")");
    }
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
