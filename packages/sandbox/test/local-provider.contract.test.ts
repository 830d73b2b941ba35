import { describeProviderContract } from "../src/testing/provider-contract.ts";
import { describeSecretTestsContract } from "../src/testing/secret-tests-contract.ts";
import { startLocalProvider } from "./helpers.ts";

describeProviderContract("local", () => startLocalProvider());
describeSecretTestsContract("local", () => startLocalProvider());
