import { describe, expect, it } from "vitest";
import { javaDeclaredTests } from "../secret-tests/java-declared-tests.ts";
import { junitReportsToRunnerEvents, testName } from "./junit-xml.ts";
import { parseRunnerEvents } from "./test-events.ts";

// Shaped like the JUnit Platform console launcher's legacy XML report (JUnit 5.9): JUnit's own
// entries in the first <system-out>, captured output in the following blocks.
const entries = (id: string) => `<system-out><![CDATA[\nunique-id: [engine:junit-jupiter]/${id}\ndisplay-name: x\n]]></system-out>`;
const report = `<?xml version="1.0" encoding="UTF-8"?>
<testsuite name="JUnit Jupiter" tests="6" skipped="1" failures="1" errors="1" time="0.1">
<properties>
<property name="java.version" value="17"/>
</properties>
<testcase name="adds()" classname="com.example.SumTest" time="0.012">
${entries("[class:com.example.SumTest]/[method:adds()]")}
<system-out><![CDATA[\n\n]]></system-out>
<system-out><![CDATA[\nprinted by the code\n\n]]></system-out>
</testcase>
<testcase name="cases(int, int)[2]" classname="com.example.SumTest" time="0.25">
<failure message="expected 5 on purpose ==&gt; expected: &lt;5&gt; but was: &lt;4&gt;" type="org.opentest4j.AssertionFailedError"><![CDATA[org.opentest4j.AssertionFailedError: expected 5 on purpose ==> expected: <5> but was: <4>
	at org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)
	at org.junit.jupiter.api.Assertions.assertEquals(Assertions.java:560)
	at com.example.SumTest.cases(SumTest.java:17)
	at java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke0(Native Method)
	at java.base/java.lang.reflect.Method.invoke(Method.java:569)
	at org.junit.platform.commons.util.ReflectionUtils.invokeMethod(ReflectionUtils.java:727)
]]></failure>
${entries("[class:com.example.SumTest]/[test-template:cases(int, int)]/[test-template-invocation:#2]")}
</testcase>
<testcase name="divides()" classname="com.example.SumTest$Empty" time="0.001">
<error message="/ by zero" type="java.lang.ArithmeticException"><![CDATA[java.lang.ArithmeticException: / by zero
	at com.example.Sum.divide(Sum.java:9)
	at com.example.SumTest$Empty.divides(SumTest.java:30)
]]></error>
${entries("[class:com.example.SumTest]/[nested-class:Empty]/[method:divides()]")}
<system-err><![CDATA[\nwarning: ]]]]><![CDATA[> in output\n\n]]></system-err>
</testcase>
<testcase name="later()" classname="com.example.SumTest" time="0">
<skipped><![CDATA[not yet]]></skipped>
${entries("[class:com.example.SumTest]/[method:later()]")}
</testcase>
<testcase name="hiddenNegatives()" classname="SumHiddenTest" time="0.002">
${entries("[class:SumHiddenTest]/[method:hiddenNegatives()]")}
</testcase>
<testcase name="unknown()" classname="Elsewhere" time="0">
${entries("[class:Elsewhere]/[method:unknown()]")}
</testcase>
${entries("")}
</testsuite>
`;
const stream = ["#javaclass com.example.Sum src/Sum.java", "#javaclass com.example.SumTest src/SumTest.java", "#javaclass SumHiddenTest SumHiddenTest.java", "#javareport TEST-junit-jupiter.xml", report, "#javaend"].join("\n");

describe("junitReportsToRunnerEvents", () => {
  const { tests, ended } = parseRunnerEvents(junitReportsToRunnerEvents(stream));
  const byName = new Map(tests.map((t) => [t.name, t]));

  it("reports every test case with status, duration and the file of its top-level class", () => {
    expect(ended).toBe(true);
    expect(tests.map((t) => [t.name, t.status, t.file])).toEqual([
      ["SumTest.adds", "passed", "src/SumTest.java"],
      ["SumTest.cases[2]", "failed", "src/SumTest.java"],
      ["SumTest.Empty.divides", "failed", "src/SumTest.java"],
      ["SumTest.later", "skipped", "src/SumTest.java"],
      ["SumHiddenTest.hiddenNegatives", "passed", "SumHiddenTest.java"],
      ["Elsewhere.unknown", "passed", null],
    ]);
    expect(byName.get("SumTest.cases[2]")?.durationMs).toBe(250);
  });

  it("keeps assertion messages as they are and names other exceptions", () => {
    expect(byName.get("SumTest.cases[2]")?.message).toBe("expected 5 on purpose ==> expected: <5> but was: <4>");
    expect(byName.get("SumTest.Empty.divides")?.message).toBe("java.lang.ArithmeticException: / by zero");
    expect(byName.get("SumTest.later")?.message).toBe("not yet");
  });

  it("keeps the candidate's stack frames and drops JUnit's and reflection's", () => {
    expect(byName.get("SumTest.cases[2]")?.details).toBe(
      "org.opentest4j.AssertionFailedError: expected 5 on purpose ==> expected: <5> but was: <4>\n\tat com.example.SumTest.cases(SumTest.java:17)",
    );
    expect(byName.get("SumTest.Empty.divides")?.details).toContain("at com.example.Sum.divide(Sum.java:9)");
  });

  it("keeps what a test printed, without JUnit's own entries", () => {
    expect(byName.get("SumTest.adds")?.output).toBe("printed by the code\n");
    expect(byName.get("SumTest.Empty.divides")?.output).toBe("warning: ]]> in output\n");
    expect(byName.get("SumTest.later")?.output).toBe("");
  });

  it("does not report the end of a run whose launcher never finished (System.exit, a crash)", () => {
    const cut = parseRunnerEvents(junitReportsToRunnerEvents(["#javaclass Sum Sum.java", "some output"].join("\n")));
    expect(cut).toMatchObject({ tests: [], ended: false });
  });

  it("keeps the cases read before a report that breaks off", () => {
    const broken = junitReportsToRunnerEvents(["#javareport TEST-junit-jupiter.xml", report.slice(0, report.indexOf('<testcase name="divides()"') + 40), "#javaend"].join("\n"));
    expect(parseRunnerEvents(broken).tests.map((t) => t.name)).toEqual(["SumTest.adds", "SumTest.cases[2]"]);
  });
});

describe("testName", () => {
  it.each([
    ["SumTest", "adds()", "SumTest.adds"],
    ["com.example.SumTest", "cases(int, int)[12]", "SumTest.cases[12]"],
    ["com.example.SumTest$Empty$Deeper", "isZero()", "SumTest.Empty.Deeper.isZero"],
    ["SumTest", "repeated(RepetitionInfo)[3]", "SumTest.repeated[3]"],
  ])("%s %s → %s", (classname, legacy, expected) => {
    expect(testName(classname, legacy)).toBe(expected);
  });
});

describe("javaDeclaredTests", () => {
  const source = [
    "package com.example;",
    "",
    "import org.junit.jupiter.api.*;",
    "import org.junit.jupiter.params.ParameterizedTest;",
    "import org.junit.jupiter.params.provider.CsvSource;",
    "",
    "class BracketsHiddenTest {",
    "    @Test",
    "    void matched() throws Exception {",
    "    }",
    "",
    "    @ParameterizedTest(name = \"{0}\")",
    '    @CsvSource({"(], 1", "a), 1"})',
    "    void breaks(String input, int expected) {",
    "    }",
    "",
    "    private static int helper(int x) {",
    "        return x;",
    "    }",
    "",
    "    @Nested",
    "    class WhenEmpty {",
    "        @org.junit.jupiter.api.Test",
    "        void isMinusOne() {}",
    "    }",
    "}",
  ].join("\n");
  const declared = javaDeclaredTests("tests/BracketsHiddenTest.java", source);

  it("finds every annotated test method under the file's class", () => {
    expect(declared.map((t) => t.name)).toEqual(["BracketsHiddenTest.matched", "BracketsHiddenTest.breaks", "BracketsHiddenTest.isMinusOne"]);
  });

  it("stands for its parameterised cases and its place in nested classes", () => {
    const [matched, breaks, nested] = declared;
    expect(matched!.matches("BracketsHiddenTest.matched")).toBe(true);
    expect(matched!.matches("BracketsHiddenTest.matchedToo")).toBe(false);
    expect(breaks!.matches("BracketsHiddenTest.breaks[2]")).toBe(true);
    expect(nested!.matches("BracketsHiddenTest.WhenEmpty.isMinusOne")).toBe(true);
    expect(nested!.matches("OtherTest.isMinusOne")).toBe(false);
  });
});
