# Reads durations such as "1h30m" as a number of seconds.
module Duration
  UNIT_SECONDS = { "d" => 86400, "h" => 3600, "m" => 60, "s" => 1 }.freeze

  # Reads the parts one by one: every character must belong to a part, but any order goes.
  def self.parse(text)
    raise ArgumentError, "not a duration: #{text.inspect}" unless text.is_a?(String) && text.match?(/\A(?:\d{1,6}[dhms])+\z/)

    text.scan(/(\d+)([dhms])/).sum { |number, unit| number.to_i * UNIT_SECONDS.fetch(unit) }
  end
end
