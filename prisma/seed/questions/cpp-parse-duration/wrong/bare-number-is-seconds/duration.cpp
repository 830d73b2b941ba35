#include "duration.hpp"

#include <stdexcept>
#include <string>

// A number at the end without a unit is taken as seconds ("90" is 90, "1h30" is 3630).
long long parse_duration(const std::string& text) {
    if (text.empty()) throw std::invalid_argument("not a duration: \"" + text + "\"");
    const std::string units = "hms";
    const long long seconds_per_unit[] = {3600, 60, 1};
    long long total = 0;
    std::size_t next_unit = 0;
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t digits = 0;
        long long value = 0;
        while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
            value = value * 10 + (text[at] - '0');
            ++digits;
            ++at;
        }
        if (digits == 0 || digits > 6) throw std::invalid_argument("not a duration: \"" + text + "\"");
        if (at == text.size()) return total + value;
        const std::size_t unit = units.find(text[at]);
        if (unit == std::string::npos || unit < next_unit) throw std::invalid_argument("not a duration: \"" + text + "\"");
        total += value * seconds_per_unit[unit];
        next_unit = unit + 1;
        ++at;
    }
    return total;
}
