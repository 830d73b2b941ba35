# Groups page views into visits: a user's views belong to one visit while each comes at most
# `timeout` seconds after the one before.
module Visits
  # views: [user, time] pairs (time in whole seconds), in any order.
  # Returns { user => [{ start:, finish:, views: }, ...] }.
  def self.group(views, timeout: 1800)
    unless timeout.is_a?(Integer) && timeout > 0
      raise ArgumentError, "timeout must be a positive whole number of seconds, got #{timeout.inspect}"
    end
    # Every view is checked before any is grouped: a bad one anywhere gives no result at all.
    views.each { |view| check_view(view) }

    visits = {}
    # In time order, ties by user: a Hash keeps insertion order, so users come out in the order
    # of their first view. sort_by returns a new Array and leaves views alone.
    views.sort_by { |user, time| [time, user] }.each do |user, time|
      user_visits = (visits[user] ||= [])
      current = user_visits.last
      if current && time - current[:finish] < timeout
        current[:finish] = time
        current[:views] += 1
      else
        user_visits << { start: time, finish: time, views: 1 }
      end
    end
    visits
  end

  def self.check_view(view)
    valid = view.is_a?(Array) && view.size == 2 &&
            view[0].is_a?(String) && !view[0].empty? &&
            view[1].is_a?(Integer) && view[1] >= 0
    raise ArgumentError, "not a view ([user, time]): #{view.inspect}" unless valid
  end
  private_class_method :check_view
end
