import { describe, expect, it } from "vitest";
import { aiConfigFromEnv } from "./env.ts";
import { costMicroUsd, DEFAULT_MODEL, formatUsd, MODEL_PRICES } from "./models.ts";

describe("AI configuration", () => {
  it("is off without a key, with the reason, and on with one", () => {
    expect(aiConfigFromEnv({})).toEqual({ enabled: false, model: DEFAULT_MODEL, reason: expect.stringMatching(/ANTHROPIC_API_KEY/) });
    expect(aiConfigFromEnv({ ANTHROPIC_API_KEY: "  " }).enabled).toBe(false);
    expect(aiConfigFromEnv({ ANTHROPIC_API_KEY: "sk-1", ANTHROPIC_MODEL: "claude-opus-5-5", ANTHROPIC_BASE_URL: "http://127.0.0.1:9" })).toEqual({
      enabled: true,
      apiKey: "sk-1",
      model: "claude-opus-5-5",
      baseURL: "http://127.0.0.1:9",
    });
    expect(aiConfigFromEnv({ ANTHROPIC_API_KEY: "sk-1" })).toMatchObject({ baseURL: "https://api.anthropic.com", model: "claude-sonnet-5-5" });
  });

  it("refuses a base URL that is not http(s), naming the variable", () => {
    expect(() => aiConfigFromEnv({ ANTHROPIC_API_KEY: "sk-1", ANTHROPIC_BASE_URL: "ftp://x" })).toThrow(/ANTHROPIC_BASE_URL/);
  });

  it("prices the default model and knows nothing of unknown ones", () => {
    expect(MODEL_PRICES[DEFAULT_MODEL]).toBeDefined();
    // 1M input at $2, 100k output at $10, 1M cache writes at $2.50, 1M cache reads at $0.20.
    expect(costMicroUsd("claude-sonnet-5-5", { inputTokens: 1_000_000, outputTokens: 100_000, cacheCreationInputTokens: 1_000_000, cacheReadInputTokens: 1_000_000 })).toBe(5_700_000);
    expect(costMicroUsd("some-other-model", { inputTokens: 1, outputTokens: 1, cacheCreationInputTokens: 0, cacheReadInputTokens: 0 })).toBeNull();
    expect(formatUsd(5_700_000)).toBe("$5.70");
    expect(formatUsd(2600)).toBe("$0.0026");
  });
});
