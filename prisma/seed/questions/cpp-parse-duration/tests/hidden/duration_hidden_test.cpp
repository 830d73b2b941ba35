#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "duration.hpp"

TEST(ParseDurationHidden, ReadsEachUnitAlone) {
    EXPECT_EQ(3600, parse_duration("1h"));
    EXPECT_EQ(60, parse_duration("1m"));
    EXPECT_EQ(1, parse_duration("1s"));
    EXPECT_EQ(0, parse_duration("0h"));
}

TEST(ParseDurationHidden, ReadsEveryDigit) {
    EXPECT_EQ(9, parse_duration("9s"));
    EXPECT_EQ(10, parse_duration("10s"));
    EXPECT_EQ(3 * 3600 + 7 * 60 + 59, parse_duration("3h7m59s"));
    EXPECT_EQ(123456, parse_duration("123456s"));
}

TEST(ParseDurationHidden, KeepsLargeTotalsExact) {
    EXPECT_EQ(3599996400LL, parse_duration("999999h"));
    EXPECT_EQ(3599996400LL + 59999940LL + 999999LL, parse_duration("999999h999999m999999s"));
}

TEST(ParseDurationHidden, AllowsAnyUnitToBeLeftOut) {
    EXPECT_EQ(3605, parse_duration("1h5s"));
    EXPECT_EQ(125, parse_duration("2m5s"));
    EXPECT_EQ(7320, parse_duration("2h2m"));
}

TEST(ParseDurationHidden, RejectsARepeatedUnit) {
    EXPECT_THROW(parse_duration("1h1h"), std::invalid_argument);
    EXPECT_THROW(parse_duration("1m1m"), std::invalid_argument);
    EXPECT_THROW(parse_duration("1s1s"), std::invalid_argument);
}

TEST(ParseDurationHidden, RejectsEveryWrongOrder) {
    EXPECT_THROW(parse_duration("1s1m"), std::invalid_argument);
    EXPECT_THROW(parse_duration("1s1h"), std::invalid_argument);
    EXPECT_THROW(parse_duration("1h1s1m"), std::invalid_argument);
}

TEST(ParseDurationHidden, RejectsANumberWithoutAUnit) {
    EXPECT_THROW(parse_duration("90"), std::invalid_argument);
    EXPECT_THROW(parse_duration("1h30"), std::invalid_argument);
}

TEST(ParseDurationHidden, RejectsAUnitWithoutANumber) {
    EXPECT_THROW(parse_duration("h"), std::invalid_argument);
    EXPECT_THROW(parse_duration("1hm"), std::invalid_argument);
}

TEST(ParseDurationHidden, LimitsNumbersToSixDigits) {
    EXPECT_EQ(999999, parse_duration("999999s"));
    EXPECT_THROW(parse_duration("1234567s"), std::invalid_argument);
    EXPECT_THROW(parse_duration("0000000s"), std::invalid_argument);
}

TEST(ParseDurationHidden, RejectsEverythingElse) {
    for (const std::string text : {"", "1.5h", "-1h", " 1h", "1h ", "1H", "1d", "1x", "1h+5s"}) {
        EXPECT_THROW(parse_duration(text), std::invalid_argument) << '"' << text << '"';
    }
}

TEST(ParseDurationHidden, NamesTheBadTextInEveryError) {
    for (const std::string text : {"30m1h", "1h1h", "90", "1234567s"}) {
        try {
            parse_duration(text);
            ADD_FAILURE() << text << " is not a duration";
        } catch (const std::invalid_argument& error) {
            EXPECT_NE(std::string(error.what()).find(text), std::string::npos) << "what(): " << error.what();
        }
    }
}
