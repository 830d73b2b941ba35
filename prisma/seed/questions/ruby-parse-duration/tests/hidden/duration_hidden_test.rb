require "minitest/autorun"
require_relative "duration"

class DurationHiddenTest < Minitest::Test
  def test_each_unit_on_its_own
    assert_equal 2 * 86400, Duration.parse("2d")
    assert_equal 3 * 3600, Duration.parse("3h")
    assert_equal 7 * 60, Duration.parse("7m")
    assert_equal 59, Duration.parse("59s")
  end

  def test_every_unit_together
    assert_equal 86400 + 2 * 3600 + 3 * 60 + 4, Duration.parse("1d2h3m4s")
    assert_equal 86400 + 60, Duration.parse("1d1m")
    assert_equal 3600 + 1, Duration.parse("1h1s")
  end

  def test_result_is_an_integer
    assert_kind_of Integer, Duration.parse("1h")
  end

  def test_numbers_up_to_six_digits_with_leading_zeros
    assert_equal 300, Duration.parse("05m")
    assert_equal 999_999, Duration.parse("999999s")
    assert_equal 0, Duration.parse("000000s")
    assert_equal 0, Duration.parse("0d0h0m0s")
  end

  def test_rejects_each_kind_of_bad_duration
    ["", "h", "1", "1h ", " 1h", "1 h", "30m1h", "1s1m", "1h1h", "1m2m", "1.5h", "1H", "-1h", "+1h",
     "1h\n", "junk\n1h", "1h\njunk", "1234567s", "1x", "1hh", "1d2h3m4s5s"].each do |text|
      error = assert_raises(ArgumentError, "#{text.inspect} is not a duration") { Duration.parse(text) }
      assert_includes error.message, text.inspect
    end
  end

  def test_rejects_values_that_are_not_strings
    [nil, 90, :h, ["1h"]].each do |value|
      error = assert_raises(ArgumentError, "#{value.inspect} is not a duration") { Duration.parse(value) }
      assert_includes error.message, value.inspect
    end
  end
end
