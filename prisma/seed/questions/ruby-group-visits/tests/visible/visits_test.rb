require "minitest/autorun"
require_relative "visits"

class VisitsTest < Minitest::Test
  def test_groups_the_example
    views = [["bo", 4000], ["ana", 0], ["ana", 1800], ["ana", 3601], ["bo", 100]]
    expected = {
      "ana" => [{ start: 0, finish: 1800, views: 2 }, { start: 3601, finish: 3601, views: 1 }],
      "bo" => [{ start: 100, finish: 100, views: 1 }, { start: 4000, finish: 4000, views: 1 }],
    }
    assert_equal expected, Visits.group(views)
  end

  def test_no_views_no_visits
    assert_equal({}, Visits.group([]))
  end

  def test_a_custom_timeout
    assert_equal({ "ana" => [{ start: 0, finish: 10, views: 2 }, { start: 21, finish: 21, views: 1 }] },
                 Visits.group([["ana", 0], ["ana", 10], ["ana", 21]], timeout: 10))
  end

  def test_rejects_a_negative_time
    error = assert_raises(ArgumentError) { Visits.group([["ana", 5], ["ana", -1]]) }
    assert_includes error.message, ["ana", -1].inspect
  end
end
