import { afterAll } from "vitest";
import { LANGUAGE_RUN_FIXTURES } from "../src/testing/language-fixtures.ts";
import { describeLanguageRunContract } from "../src/testing/language-run-contract.ts";
import { describeProviderContract } from "../src/testing/provider-contract.ts";
import { describeSecretTestsContract } from "../src/testing/secret-tests-contract.ts";
import { closeLocalModalServer, startModalThroughLocalServer } from "./modal-local-server.ts";

// The whole provider contract against the Modal provider — the real Modal SDK, over gRPC — to
// the local Modal protocol server, whose sandboxes are real bubblewrap sandboxes.

afterAll(closeLocalModalServer, 60_000);

describeProviderContract("modal (local protocol server)", () => startModalThroughLocalServer(), { timeoutMs: 60_000 });
describeSecretTestsContract("modal (local protocol server)", () => startModalThroughLocalServer(), { timeoutMs: 60_000 });
// Go's test binary killed for memory is reported by `go test -json` (Go 1.19) like any failing
// package, without the signal; the local provider reads the OOM from its cgroup, the Modal
// provider sees only the go command's exit status.
const knownGaps = { go: [{ test: "stops a memory bomb in a test", why: "go test -json hides the test binary's SIGKILL" }] } as const;
for (const fixture of LANGUAGE_RUN_FIXTURES) {
  const gaps = fixture.language === "go" ? knownGaps.go : [];
  describeLanguageRunContract("modal (local protocol server)", fixture, () => startModalThroughLocalServer(), { timeoutMs: 90_000, knownGaps: gaps });
}
