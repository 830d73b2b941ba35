import { junitReportsToRunnerEvents } from "../results/junit-xml.ts";
import { javaDeclaredTests } from "../secret-tests/java-declared-tests.ts";
import { runnerScriptCommand } from "./runner-command.ts";
import type { LanguageDefinition } from "./types.ts";

// Debian's default-jdk-headless (OpenJDK 17) and junit5 (JUnit 5.9, the console launcher's
// standalone jar) on the host; the Modal image installs the same Debian packages on the same
// release, so the paths are the same. No build tool: javac compiles every .java file of the
// workspace. See docs/decisions/0131.
const JUNIT_JAR = "/usr/share/java/junit-platform-console-standalone.jar";
const JAVA_TOOLS = { java: "/usr/bin/java", javac: "/usr/bin/javac", junit: JUNIT_JAR };

export const java: LanguageDefinition = {
  id: "java",
  displayName: "Java 17",
  sourceExtensions: [".java"],
  isTestFile: (path) => /(^|\/)[^/]*Tests?\.java$/.test(path),
  localTools: JAVA_TOOLS,
  modalImage: {
    registry: "debian:bookworm-slim",
    commands: ["RUN apt-get update && apt-get install -y --no-install-recommends default-jdk-headless junit5 && rm -rf /var/lib/apt/lists/*"],
    tools: JAVA_TOOLS,
  },
  testCommand: (paths) =>
    runnerScriptCommand("java", paths, {
      JAVA: paths.tools.java ?? JAVA_TOOLS.java,
      JAVAC: paths.tools.javac ?? JAVA_TOOLS.javac,
      JUNIT_JAR: paths.tools.junit ?? JUNIT_JAR,
    }),
  // Every run starts two JVMs (javac, then the launcher) and compiles: ≈ 1.2 s of CPU on an idle
  // core, but a run took over the 15 s default on a loaded 2-core machine (1 CPU per sandbox).
  defaultTestTimeoutMs: 30_000,
  declaredTests: javaDeclaredTests,
  translateEvents: junitReportsToRunnerEvents,
  // run-tests.sh: 100 = javac failed, 101 = no tests, 102 = copy failed; the console launcher
  // itself: 0 passed, 1 some test failed (read from the reports), anything else without reports
  // = the JVM ended part-way (decided from the missing end of the reports).
  statusFromExitCode: (exitCode) => {
    if (exitCode === 100) return "compile_error";
    if (exitCode === 101) return "no_tests";
    if (exitCode === 102) return "error";
    return null;
  },
};
