import { describe, expect, it } from "vitest";
import { cppDeclaredTests } from "../secret-tests/cpp-declared-tests.ts";
import { gtestReportToRunnerEvents } from "./gtest-xml.ts";
import { parseRunnerEvents } from "./test-events.ts";

// Shaped like GoogleTest 1.12's XML report (--gtest_output=xml), as Debian bookworm's
// libgtest-dev writes it: a failed EXPECT per <failure>, "unknown file" for an exception thrown
// out of the test body, GTEST_SKIP as <skipped>, DISABLED_ tests as status="notrun".
const report = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites tests="8" failures="3" disabled="1" errors="0" time="0.006" timestamp="2026-12-07T12:38:13.644" name="AllTests">
  <testsuite name="Sum" tests="6" failures="2" disabled="1" skipped="1" errors="0" time="0.006" timestamp="2026-12-07T12:38:13.644">
    <testcase name="SumsAList" file="src/sum_test.cpp" line="3" status="run" result="completed" time="0.012" timestamp="2026-12-07T12:38:13.644" classname="Sum" />
    <testcase name="Twice" file="src/sum_test.cpp" line="7" status="run" result="completed" time="0" timestamp="2026-12-07T12:38:13.650" classname="Sum">
      <failure message="src/sum_test.cpp:7&#x0A;Expected equality of these values:&#x0A;  5&#x0A;  sum({2, 2})&#x0A;    Which is: 4" type=""><![CDATA[src/sum_test.cpp:7
Expected equality of these values:
  5
  sum({2, 2})
    Which is: 4
expected 5 on purpose]]></failure>
      <failure message="src/sum_test.cpp:8&#x0A;Value of: false" type=""><![CDATA[src/sum_test.cpp:8
Value of: false
  Actual: false
Expected: true]]></failure>
    </testcase>
    <testcase name="Throws" file="src/sum_test.cpp" line="10" status="run" result="completed" time="0.006" timestamp="2026-12-07T12:38:13.644" classname="Sum">
      <failure message="unknown file&#x0A;C++ exception" type=""><![CDATA[unknown file
C++ exception with description "boom ]]>]]&gt;<![CDATA[ x" thrown in the test body.]]></failure>
    </testcase>
    <testcase name="Later" file="src/sum_test.cpp" line="12" status="run" result="skipped" time="0" timestamp="2026-12-07T12:38:13.644" classname="Sum">
      <skipped message="src/sum_test.cpp:12&#x0A;not yet"><![CDATA[src/sum_test.cpp:12
not yet]]></skipped>
    </testcase>
    <testcase name="DISABLED_Off" file="src/sum_test.cpp" line="13" status="notrun" result="suppressed" time="0" timestamp="1970-01-01T00:00:00.000" classname="Sum" />
  </testsuite>
  <testsuite name="Halves/SumTwice" tests="1" failures="1" disabled="0" skipped="0" errors="0" time="0" timestamp="2026-12-07T12:38:13.650">
    <testcase name="Doubles/1" value_param="2" file="src/sum_test.cpp" line="16" status="run" result="completed" time="0" timestamp="2026-12-07T12:38:13.650" classname="Halves/SumTwice">
      <failure message="src/sum_test.cpp:16&#x0A;expected 5 on purpose" type=""><![CDATA[src/sum_test.cpp:16
expected 5 on purpose]]></failure>
    </testcase>
  </testsuite>
  <testsuite name="Ty/1" tests="1" failures="0" disabled="0" skipped="0" errors="0" time="0" timestamp="2026-12-07T12:38:13.650">
    <testcase name="Zero" type_param="long" file="sum_hidden_test.cpp" line="11" status="run" result="completed" time="0" timestamp="2026-12-07T12:38:13.650" classname="Ty/1" />
  </testsuite>
</testsuites>`;

describe("gtestReportToRunnerEvents", () => {
  const { tests, ended } = parseRunnerEvents(gtestReportToRunnerEvents(`#gtestreport\n${report}\n#gtestend\n`));
  const byName = new Map(tests.map((t) => [t.name, t]));

  it("reports every test case as Suite.Test with status, duration and its source file", () => {
    expect(ended).toBe(true);
    expect(tests.map((t) => [t.name, t.status, t.file])).toEqual([
      ["Sum.SumsAList", "passed", "src/sum_test.cpp"],
      ["Sum.Twice", "failed", "src/sum_test.cpp"],
      ["Sum.Throws", "failed", "src/sum_test.cpp"],
      ["Sum.Later", "skipped", "src/sum_test.cpp"],
      ["Sum.DISABLED_Off", "skipped", "src/sum_test.cpp"],
      ["Halves/SumTwice.Doubles/1", "failed", "src/sum_test.cpp"],
      ["Ty/1.Zero", "passed", "sum_hidden_test.cpp"],
    ]);
    expect(byName.get("Sum.SumsAList")?.durationMs).toBe(12);
  });

  it("gives every failed assertion of a test with its file:line, and an exception's description", () => {
    expect(byName.get("Sum.Twice")?.message).toBe(
      "src/sum_test.cpp:7: Expected equality of these values:\n  5\n  sum({2, 2})\n    Which is: 4\nexpected 5 on purpose\n\nsrc/sum_test.cpp:8: Value of: false\n  Actual: false\nExpected: true",
    );
    expect(byName.get("Sum.Throws")?.message).toBe('C++ exception with description "boom ]]> x" thrown in the test body.');
    expect(byName.get("Sum.Later")?.message).toBe("src/sum_test.cpp:12: not yet");
    expect(byName.get("Sum.DISABLED_Off")?.message).toBe("disabled");
    expect(byName.get("Sum.SumsAList")?.message).toBeNull();
  });

  it("emits no end without #gtestend and nothing without a report (the binary ended part-way)", () => {
    expect(parseRunnerEvents(gtestReportToRunnerEvents(`#gtestreport\n${report}`)).ended).toBe(false);
    expect(gtestReportToRunnerEvents("")).toBe("");
  });

  it("keeps the cases read before a report that is cut short", () => {
    const cut = report.slice(0, report.indexOf("<testcase name=\"Throws\""));
    const parsed = parseRunnerEvents(gtestReportToRunnerEvents(`#gtestreport\n${cut}`));
    expect(parsed.tests.map((t) => t.name)).toEqual(["Sum.SumsAList", "Sum.Twice"]);
    expect(parsed.ended).toBe(false);
  });
});

describe("cppDeclaredTests", () => {
  const source = [
    "#include <gtest/gtest.h>",
    '#include "sum.hpp"',
    "",
    "TEST(Sum, SumsAList) { EXPECT_EQ(6, sum({1, 2, 3})); }",
    "TEST_F(SumFixture, Empty) {}",
    "// TEST(Sum, CommentedOut) {}",
    "class SumTwice : public ::testing::TestWithParam<int> {};",
    "TEST_P( SumTwice , Doubles ) {}",
    "INSTANTIATE_TEST_SUITE_P(Halves, SumTwice, ::testing::Values(0, 2));",
    "TYPED_TEST(Ty, Zero) {}",
    "TYPED_TEST_P(Pt, One) {}",
    "TEST(Sum, SumsAList) {}",
  ].join("\n");
  const declared = cppDeclaredTests("sum_test.cpp", source);
  const find = (name: string) => declared.find((t) => t.name === name);

  it("names each TEST/TEST_F/TEST_P/TYPED_TEST macro as Suite.Test, once, skipping commented lines", () => {
    expect(declared.map((t) => t.name)).toEqual(["Sum.SumsAList", "SumFixture.Empty", "SumTwice.Doubles", "Ty.Zero", "Pt.One"]);
    expect(declared.every((t) => t.file === "sum_test.cpp")).toBe(true);
  });

  it("matches the names the runner reports for parameterised and typed instances", () => {
    expect(find("Sum.SumsAList")?.matches("Sum.SumsAList")).toBe(true);
    expect(find("Sum.SumsAList")?.matches("Sum.SumsAList/1")).toBe(false);
    expect(find("SumTwice.Doubles")?.matches("Halves/SumTwice.Doubles/1")).toBe(true);
    expect(find("SumTwice.Doubles")?.matches("SumTwice.Doubles/small")).toBe(true);
    expect(find("SumTwice.Doubles")?.matches("Other.Doubles/1")).toBe(false);
    expect(find("Ty.Zero")?.matches("Ty/1.Zero")).toBe(true);
    expect(find("Pt.One")?.matches("Prefix/Pt/0.One")).toBe(true);
  });
});
