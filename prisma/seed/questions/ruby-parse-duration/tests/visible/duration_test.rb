require "minitest/autorun"
require_relative "duration"

class DurationTest < Minitest::Test
  def test_adds_up_the_parts
    assert_equal 5400, Duration.parse("1h30m")
    assert_equal 86401, Duration.parse("1d1s")
  end

  def test_reads_a_single_part
    assert_equal 90, Duration.parse("90s")
    assert_equal 0, Duration.parse("0m")
  end

  def test_rejects_units_out_of_order
    error = assert_raises(ArgumentError) { Duration.parse("30m1h") }
    assert_includes error.message, "30m1h".inspect
  end

  def test_rejects_what_is_not_a_string
    error = assert_raises(ArgumentError) { Duration.parse(nil) }
    assert_includes error.message, "nil"
  end
end
