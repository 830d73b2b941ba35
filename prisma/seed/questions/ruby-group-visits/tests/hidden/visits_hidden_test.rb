require "minitest/autorun"
require_relative "visits"

class VisitsHiddenTest < Minitest::Test
  def visit(start, finish, views)
    { start: start, finish: finish, views: views }
  end

  def test_exactly_the_timeout_stays_in_the_visit
    assert_equal({ "ana" => [visit(0, 1800, 2)] }, Visits.group([["ana", 0], ["ana", 1800]]))
    assert_equal({ "ana" => [visit(0, 0, 1), visit(1801, 1801, 1)] }, Visits.group([["ana", 0], ["ana", 1801]]))
    assert_equal({ "ana" => [visit(5, 6, 2)] }, Visits.group([["ana", 5], ["ana", 6]], timeout: 1))
    assert_equal({ "ana" => [visit(5, 5, 1), visit(7, 7, 1)] }, Visits.group([["ana", 5], ["ana", 7]], timeout: 1))
  end

  def test_the_pause_is_measured_from_the_previous_view
    views = (0..10).map { |i| ["ana", i * 1000] }
    assert_equal({ "ana" => [visit(0, 10_000, 11)] }, Visits.group(views))
  end

  def test_a_later_visit_extends_from_its_own_last_view
    views = [["ana", 0], ["ana", 10_000], ["ana", 10_100], ["ana", 11_000], ["ana", 20_000]]
    assert_equal({ "ana" => [visit(0, 0, 1), visit(10_000, 11_000, 3), visit(20_000, 20_000, 1)] }, Visits.group(views))
  end

  def test_views_in_any_order
    views = [["ana", 3000], ["ana", 0], ["ana", 9000], ["ana", 1500], ["ana", 7500]]
    assert_equal({ "ana" => [visit(0, 3000, 3), visit(7500, 9000, 2)] }, Visits.group(views))
  end

  def test_views_in_the_same_second_all_count
    assert_equal({ "ana" => [visit(42, 42, 3)] }, Visits.group([["ana", 42], ["ana", 42], ["ana", 42]]))
  end

  def test_users_are_independent
    views = [["ana", 0], ["bo", 1000], ["ana", 2000], ["bo", 2500]]
    assert_equal({ "ana" => [visit(0, 0, 1), visit(2000, 2000, 1)], "bo" => [visit(1000, 2500, 2)] }, Visits.group(views))
  end

  def test_users_in_the_order_of_their_first_view_ties_by_name
    views = [["cy", 50], ["bo", 10], ["ana", 10], ["dee", 5], ["ana", 1]]
    assert_equal %w[ana dee bo cy], Visits.group(views).keys
    assert_equal %w[ana bo], Visits.group([["bo", 7], ["ana", 7]]).keys
  end

  def test_a_time_of_zero_is_a_time
    assert_equal({ "ana" => [visit(0, 0, 1)] }, Visits.group([["ana", 0]]))
  end

  def test_leaves_frozen_views_alone
    views = [["bo", 30], ["ana", 20], ["ana", 10]].map(&:freeze).freeze
    Visits.group(views)
    assert_equal [["bo", 30], ["ana", 20], ["ana", 10]], views
  end

  def test_rejects_a_timeout_that_is_not_a_positive_integer
    [0, -5, 1.5, "1800", nil].each do |timeout|
      error = assert_raises(ArgumentError, "timeout #{timeout.inspect}") { Visits.group([["ana", 1]], timeout: timeout) }
      assert_includes error.message, "timeout"
    end
  end

  def test_rejects_each_kind_of_bad_view
    [["ana"], ["ana", 1, 2], [], ["", 1], [:ana, 1], [nil, 1], ["ana", 1.0], ["ana", "1"], ["ana", nil], ["ana", -1], "ana", nil, 5].each do |view|
      error = assert_raises(ArgumentError, "#{view.inspect} is not a view") { Visits.group([["bo", 1], view]) }
      assert_includes error.message, view.inspect
    end
  end
end
