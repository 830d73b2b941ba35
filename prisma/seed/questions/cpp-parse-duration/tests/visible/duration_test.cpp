#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "duration.hpp"

TEST(ParseDuration, AddsUpItsComponents) {
    EXPECT_EQ(5400, parse_duration("1h30m"));
    EXPECT_EQ(45, parse_duration("45s"));
    EXPECT_EQ(7205, parse_duration("2h5s"));
}

TEST(ParseDuration, AllowsLeadingZeros) {
    EXPECT_EQ(300, parse_duration("05m"));
    EXPECT_EQ(0, parse_duration("000000s"));
}

TEST(ParseDuration, RejectsUnitsOutOfOrder) {
    EXPECT_THROW(parse_duration("30m1h"), std::invalid_argument);
}

TEST(ParseDuration, NamesTheBadTextInTheError) {
    try {
        parse_duration("1..5h");
        FAIL() << "1..5h is not a duration";
    } catch (const std::invalid_argument& error) {
        EXPECT_NE(std::string(error.what()).find("1..5h"), std::string::npos) << "what(): " << error.what();
    }
}
