# Groups page views into visits. The rules are in the statement.
module Visits
  # views: [user, time] pairs (time in whole seconds), in any order.
  # Returns { user => [{ start:, finish:, views: }, ...] }.
  def self.group(views, timeout: 1800)
    raise NotImplementedError, "Visits.group is not implemented yet"
  end
end
