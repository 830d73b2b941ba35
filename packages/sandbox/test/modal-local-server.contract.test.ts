import { afterAll } from "vitest";
import { describeProviderContract } from "../src/testing/provider-contract.ts";
import { describeSecretTestsContract } from "../src/testing/secret-tests-contract.ts";
import { closeLocalModalServer, startModalThroughLocalServer } from "./modal-local-server.ts";

// The whole provider contract against the Modal provider — the real Modal SDK, over gRPC — to
// the local Modal protocol server, whose sandboxes are real bubblewrap sandboxes.

afterAll(closeLocalModalServer, 60_000);

describeProviderContract("modal (local protocol server)", () => startModalThroughLocalServer(), { timeoutMs: 60_000 });
describeSecretTestsContract("modal (local protocol server)", () => startModalThroughLocalServer(), { timeoutMs: 60_000 });
