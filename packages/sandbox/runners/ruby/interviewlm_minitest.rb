# Loads the test files given as arguments and runs them with Minitest, streaming one JSON object
# per line to $INTERVIEWLM_RESULTS (default: descriptor 3):
#
#   {"event": "test", "file", "name", "status", "durationMs", "message", "details", "output"}
#   {"event": "collect_error", "nodeid", "message"}
#   {"event": "end"}
#
# Lines are written as each test finishes, so a run cut short still reports the tests that
# completed. A file that does not load (a SyntaxError, a NameError at the top level) is a
# collect_error and no test runs, as pytest does. Parsed by src/results/test-events.ts.
require "json"
require "stringio"
require "minitest"

module InterviewLM
  MAX_TEXT = 64 * 1024
  OUTPUT = {}

  def self.clip(text)
    return nil if text.nil?
    text.length <= MAX_TEXT ? text : "#{text[0, MAX_TEXT]}\n... [truncated]"
  end

  # Paths relative to the run's directory: what the candidate sees in their workspace.
  def self.relative(text)
    text&.gsub("#{Dir.pwd}/", "")
  end

  def self.open_results
    target = ENV.fetch("INTERVIEWLM_RESULTS", "/dev/fd/3")
    return File.open(target, "a") unless target.start_with?("/dev/fd/")
    # Move the results descriptor off the well-known number before candidate code loads.
    fd = Integer(target.delete_prefix("/dev/fd/"))
    out = IO.for_fd(fd, "w", autoclose: false).dup
    IO.for_fd(fd, autoclose: true).close
    out
  end

  OUT = open_results
  OUT.sync = true

  def self.emit(record)
    OUT.write("#{JSON.generate(record)}\n")
  end

  # What a test printed (through $stdout / $stderr), kept per test.
  module Capture
    def before_setup
      @interviewlm_saved = [$stdout, $stderr]
      @interviewlm_output = StringIO.new
      $stdout = $stderr = @interviewlm_output
      super
    end

    def after_teardown
      super
    ensure
      $stdout, $stderr = @interviewlm_saved if @interviewlm_saved
      OUTPUT["#{self.class.name}##{name}"] = @interviewlm_output&.string
    end
  end

  class Reporter < Minitest::AbstractReporter
    def record(result)
      failure = result.failures.first
      status = if result.skipped? then "skipped" elsif failure then "failed" else "passed" end
      message = details = nil
      if failure.is_a?(Minitest::UnexpectedError)
        message = "#{failure.error.class}: #{failure.error.message}"
        details = frames(failure.error.backtrace)
      elsif failure
        message = failure.message
        details = frames(failure.backtrace)
      end
      file = result.source_location&.first
      InterviewLM.emit(
        event: "test",
        name: "#{result.klass}##{result.name}",
        file: file && InterviewLM.relative(File.expand_path(file)),
        status: status,
        durationMs: (result.time * 1000).round(3),
        message: InterviewLM.clip(InterviewLM.relative(message)),
        details: InterviewLM.clip(InterviewLM.relative(details && "#{message}\n#{details}".strip)),
        output: InterviewLM.clip(OUTPUT.delete("#{result.klass}##{result.name}") || ""),
      )
    end

    def report
      InterviewLM.emit(event: "end")
    end

    private

    # The candidate's frames, without Minitest's and this runner's.
    def frames(backtrace)
      (backtrace || []).reject { |line| line.include?("/minitest") || line.include?(__FILE__) }.first(30).join("\n")
    end
  end
end

module Minitest
  def self.plugin_interviewlm_init(_options)
    reporter << InterviewLM::Reporter.new
  end
end
Minitest.extensions << "interviewlm"
Minitest::Test.prepend(InterviewLM::Capture)

load_errors = ARGV.filter_map do |file|
  require File.expand_path(file)
  nil
rescue ScriptError, StandardError => e
  InterviewLM.emit(event: "collect_error", nodeid: file, message: InterviewLM.clip(InterviewLM.relative("#{e.class}: #{e.message}")))
  e
end
# Nothing runs when a file did not load (at_exit hooks too: minitest/autorun would run the rest).
exit!(2) unless load_errors.empty?
passed = Minitest.run(["--seed", "0"])
$stdout.flush
$stderr.flush
exit!(passed ? 0 : 1)
