import { describeProviderContract } from "../src/testing/provider-contract.ts";
import { startLocalProvider } from "./helpers.ts";

describeProviderContract("local", () => startLocalProvider());
