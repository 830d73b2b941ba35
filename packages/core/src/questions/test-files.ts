import type { QuestionLanguage } from "./schemas.ts";

// The sandbox runners' test discovery rules (packages/sandbox/src/languages/*). Core does not
// depend on the sandbox package, so they are restated here; the bank's verification test runs
// every question in the real sandbox and would fail if the two drifted apart.
const TEST_FILE_PATTERNS: Record<QuestionLanguage, RegExp> = {
  // pytest's defaults: test_*.py or *_test.py
  python: /(^|\/)(test_[^/]*|[^/]*_test)\.py$/,
  // node:test files bundled by the runner: *.test.* / *.spec.*
  javascript: /\.(test|spec)\.m?js$/,
  typescript: /\.(test|spec)\.m?[jt]s$/,
  // go test: every *_test.go file
  go: /_test\.go$/,
  // JUnit 5 test classes: *Test.java / *Tests.java
  java: /(^|\/)[^/]*Tests?\.java$/,
  // Minitest files the Ruby runner loads: test_*.rb / *_test.rb
  ruby: /(^|\/)(test_[^/]*|[^/]*_test)\.rb$/,
  // GoogleTest files: *_test.cpp / *_test.cc
  cpp: /(^|\/)[^/]*_test\.(cpp|cc)$/,
  // cargo's integration tests: every tests/*.rs file beside Cargo.toml is a test crate of its own
  rust: /^tests\/[^/]+\.rs$/,
};

export function isTestFilePath(language: QuestionLanguage, path: string): boolean {
  return TEST_FILE_PATTERNS[language].test(path);
}
