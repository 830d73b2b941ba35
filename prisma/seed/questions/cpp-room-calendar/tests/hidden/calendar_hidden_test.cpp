#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "calendar.hpp"

namespace {

// A calendar holding [100, 200) and [300, 400).
Calendar two_bookings() {
    Calendar calendar;
    EXPECT_TRUE(calendar.book(100, 200));
    EXPECT_TRUE(calendar.book(300, 400));
    return calendar;
}

}  // namespace

TEST(CalendarHidden, TurnsDownOverlapsFromEverySide) {
    Calendar calendar = two_bookings();
    EXPECT_FALSE(calendar.book(50, 101)) << "ends inside [100, 200)";
    EXPECT_FALSE(calendar.book(199, 250)) << "starts inside [100, 200)";
    EXPECT_FALSE(calendar.book(120, 180)) << "inside [100, 200)";
    EXPECT_FALSE(calendar.book(50, 450)) << "around both";
    EXPECT_FALSE(calendar.book(100, 200)) << "the same booking again";
    EXPECT_FALSE(calendar.book(100, 150)) << "same start";
    EXPECT_FALSE(calendar.book(150, 200)) << "same end";
    EXPECT_FALSE(calendar.book(250, 301)) << "ends inside [300, 400)";
    EXPECT_EQ(2u, calendar.size());
}

TEST(CalendarHidden, LetsBookingsTouchOnBothSides) {
    Calendar calendar = two_bookings();
    EXPECT_TRUE(calendar.book(200, 300)) << "fills the gap exactly";
    EXPECT_TRUE(calendar.book(0, 100)) << "ends where the first starts";
    EXPECT_TRUE(calendar.book(400, 401)) << "starts where the last ends";
    EXPECT_EQ(5u, calendar.size());
}

TEST(CalendarHidden, BooksAGapInAnyOrder) {
    Calendar calendar;
    EXPECT_TRUE(calendar.book(300, 400));
    EXPECT_TRUE(calendar.book(100, 200));
    EXPECT_TRUE(calendar.book(210, 290));
    EXPECT_FALSE(calendar.book(150, 220));
    EXPECT_FALSE(calendar.book(280, 310));
    EXPECT_EQ(3u, calendar.size());
}

TEST(CalendarHidden, CancelsOnlyABookingThatStartsThere) {
    Calendar calendar = two_bookings();
    EXPECT_FALSE(calendar.cancel(150)) << "inside a booking, not its start";
    EXPECT_FALSE(calendar.cancel(200));
    EXPECT_EQ(2u, calendar.size());
    EXPECT_TRUE(calendar.cancel(300));
    EXPECT_FALSE(calendar.cancel(300)) << "already cancelled";
    EXPECT_EQ(1u, calendar.size());
    EXPECT_TRUE(calendar.book(250, 350));
    EXPECT_FALSE(calendar.book(150, 160)) << "[100, 200) is still held";
}

TEST(CalendarHidden, StartsAtZeroAndTakesLargeTimes) {
    Calendar calendar;
    EXPECT_TRUE(calendar.book(0, 1));
    EXPECT_TRUE(calendar.book(1765000000000LL, 1765000003600LL));
    EXPECT_FALSE(calendar.book(1765000003599LL, 1765000007200LL));
    EXPECT_TRUE(calendar.book(1765000003600LL, 1765000007200LL));
    EXPECT_EQ(3u, calendar.size());
}

TEST(CalendarHidden, RejectsBadBookingsAndChangesNothing) {
    Calendar calendar;
    EXPECT_THROW(calendar.book(-1, 5), std::invalid_argument);
    EXPECT_THROW(calendar.book(7, 7), std::invalid_argument);
    EXPECT_THROW(calendar.book(30, 20), std::invalid_argument);
    EXPECT_EQ(0u, calendar.size());
    EXPECT_TRUE(calendar.book(0, 40));
}

TEST(CalendarHidden, NamesTheBadBookingInTheError) {
    Calendar calendar;
    try {
        calendar.book(30, 20);
        FAIL() << "[30, 20) is backwards";
    } catch (const std::invalid_argument& error) {
        EXPECT_NE(std::string(error.what()).find("[30, 20)"), std::string::npos) << "what(): " << error.what();
    }
}

// 100 000 bookings in a scrambled order, as many requests turned down, half of them cancelled
// and rebooked: quick with an ordered map, far too slow when each request scans every booking.
TEST(CalendarHidden, HandlesAHundredThousandBookings) {
    const long long n = 100000;
    Calendar calendar;
    std::vector<long long> order;
    order.reserve(n);
    for (long long i = 0; i < n; ++i) order.push_back((i * 7919) % n);  // 7919 is prime: a permutation
    for (const long long slot : order) ASSERT_TRUE(calendar.book(slot * 10, slot * 10 + 5));
    for (const long long slot : order) ASSERT_FALSE(calendar.book(slot * 10 + 4, slot * 10 + 11));
    ASSERT_EQ(static_cast<std::size_t>(n), calendar.size());
    for (long long slot = 0; slot < n; slot += 2) ASSERT_TRUE(calendar.cancel(slot * 10));
    for (long long slot = 0; slot < n; slot += 2) ASSERT_TRUE(calendar.book(slot * 10 + 1, slot * 10 + 10));
    EXPECT_EQ(static_cast<std::size_t>(n), calendar.size());
}
