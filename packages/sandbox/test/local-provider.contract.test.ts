import { LANGUAGE_RUN_FIXTURES } from "../src/testing/language-fixtures.ts";
import { describeLanguageRunContract } from "../src/testing/language-run-contract.ts";
import { describeProviderContract } from "../src/testing/provider-contract.ts";
import { describeSecretTestsContract } from "../src/testing/secret-tests-contract.ts";
import { startLocalProvider } from "./helpers.ts";

describeProviderContract("local", () => startLocalProvider());
describeSecretTestsContract("local", () => startLocalProvider());

for (const fixture of LANGUAGE_RUN_FIXTURES) describeLanguageRunContract("local", fixture, () => startLocalProvider());
