#include "duration.hpp"

#include <stdexcept>
#include <string>

// Remembers which units were used, but not their order: "30m1h" is accepted as 5400.
long long parse_duration(const std::string& text) {
    if (text.empty()) throw std::invalid_argument("not a duration: \"" + text + "\"");
    bool used[3] = {false, false, false};
    long long total = 0;
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t digits = 0;
        long long value = 0;
        while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
            value = value * 10 + (text[at] - '0');
            ++digits;
            ++at;
        }
        if (digits == 0 || digits > 6 || at == text.size()) throw std::invalid_argument("not a duration: \"" + text + "\"");
        const std::size_t unit = std::string("hms").find(text[at]);
        if (unit == std::string::npos || used[unit]) throw std::invalid_argument("not a duration: \"" + text + "\"");
        used[unit] = true;
        const long long scale[] = {3600, 60, 1};
        total += value * scale[unit];
        ++at;
    }
    return total;
}
