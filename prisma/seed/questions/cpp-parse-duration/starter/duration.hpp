#pragma once

#include <string>

// The number of seconds `text` stands for ("1h30m" is 5400); throws std::invalid_argument when
// it is not a duration. The rules are in the statement.
long long parse_duration(const std::string& text);
