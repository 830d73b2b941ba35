import { describe, expect, it } from "vitest";
import { aiAssistanceDefault, aiAssistanceOptions } from "./ai-availability";

const reason = "AI is not configured on this installation (ANTHROPIC_API_KEY is not set).";

describe("AI choices in the assessment form", () => {
  it("shows chat and agent as unavailable with the reason when the installation has no key", () => {
    const options = aiAssistanceOptions(reason);
    expect(options.map((o) => [o.value, Boolean(o.disabled)])).toEqual([["OFF", false], ["CHAT", true], ["AGENT", true]]);
    expect(options[2]!.description).toBe(`Unavailable: ${reason}`);
    expect(aiAssistanceOptions(null).every((o) => !o.disabled)).toBe(true);
  });

  it("falls back to off for a choice that can change, and leaves a locked one as it is", () => {
    expect(aiAssistanceDefault("AGENT", reason, false)).toBe("OFF");
    expect(aiAssistanceDefault("AGENT", reason, true)).toBe("AGENT");
    expect(aiAssistanceDefault("AGENT", null, false)).toBe("AGENT");
  });
});
