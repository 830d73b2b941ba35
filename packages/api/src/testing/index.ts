export * from "./harness.ts";
export * from "./fixtures.ts";
