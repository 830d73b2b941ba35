# Reads durations such as "1h30m" as a number of seconds.
module Duration
  # Seconds per unit, largest first: the order the parts must come in.
  UNIT_SECONDS = { "d" => 86400, "h" => 3600, "m" => 60, "s" => 1 }.freeze
  # \A and \z, not ^ and $: those match at any line break, so "junk\n1h" would pass.
  FORMAT = /\A(?:(\d{1,6})d)?(?:(\d{1,6})h)?(?:(\d{1,6})m)?(?:(\d{1,6})s)?\z/

  # The number of seconds text stands for; ArgumentError for anything that is not a duration.
  def self.parse(text)
    match = FORMAT.match(text) if text.is_a?(String)
    # Every part is optional in FORMAT, so "" matches it with no part at all.
    raise ArgumentError, "not a duration: #{text.inspect}" if match.nil? || match.captures.none?

    match.captures.zip(UNIT_SECONDS.values).sum { |number, seconds| number.to_i * seconds }
  end
end
