#include "duration.hpp"

#include <stdexcept>
#include <string>

namespace {

[[noreturn]] void reject(const std::string& text) {
    throw std::invalid_argument("not a duration: \"" + text + "\"");
}

}  // namespace

long long parse_duration(const std::string& text) {
    const std::string units = "hms";
    const long long seconds_per_unit[] = {3600, 60, 1};
    if (text.empty()) reject(text);
    long long total = 0;
    std::size_t next_unit = 0;  // the units before this one are used up or were left out
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t digits = 0;
        long long value = 0;
        while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
            value = value * 10 + (text[at] - '0');
            ++digits;
            ++at;
        }
        if (digits == 0 || digits > 6 || at == text.size()) reject(text);
        const std::size_t unit = units.find(text[at]);
        if (unit == std::string::npos || unit < next_unit) reject(text);
        total += value * seconds_per_unit[unit];
        next_unit = unit + 1;
        ++at;
    }
    return total;
}
