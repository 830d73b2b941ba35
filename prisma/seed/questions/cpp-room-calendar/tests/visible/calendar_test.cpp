#include <gtest/gtest.h>

#include <stdexcept>

#include "calendar.hpp"

TEST(Calendar, BooksFreeTime) {
    Calendar calendar;
    EXPECT_TRUE(calendar.book(10, 20));
    EXPECT_EQ(1u, calendar.size());
}

TEST(Calendar, LetsBookingsTouch) {
    Calendar calendar;
    EXPECT_TRUE(calendar.book(10, 20));
    EXPECT_TRUE(calendar.book(20, 30));
    EXPECT_EQ(2u, calendar.size());
}

TEST(Calendar, TurnsDownAnOverlap) {
    Calendar calendar;
    ASSERT_TRUE(calendar.book(10, 20));
    EXPECT_FALSE(calendar.book(15, 25));
    EXPECT_EQ(1u, calendar.size());
}

TEST(Calendar, FreesCancelledTime) {
    Calendar calendar;
    ASSERT_TRUE(calendar.book(10, 20));
    EXPECT_TRUE(calendar.cancel(10));
    EXPECT_TRUE(calendar.book(12, 18));
}

TEST(Calendar, RejectsAnEmptyBooking) {
    Calendar calendar;
    EXPECT_THROW(calendar.book(5, 5), std::invalid_argument);
}
