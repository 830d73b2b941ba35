// @vitest-environment jsdom
import "../interview/dom-test-setup";
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { AiUsagePanel } from "./ai-usage-panel";

describe("AiUsagePanel", () => {
  it("says plainly when the candidate did not use the assistant", () => {
    render(<AiUsagePanel usage={{ calls: 0, tokens: 0, costMicroUsd: 0 }} />);
    expect(screen.getByRole("region", { name: "AI assistant use" })).toBeTruthy();
    expect(screen.getByText("No AI use")).toBeTruthy();
  });

  it("shows model calls, tokens and cost in dollars", () => {
    render(<AiUsagePanel usage={{ calls: 3, tokens: 12_345, costMicroUsd: 2_600_000 }} />);
    expect(screen.getByText("12,345")).toBeTruthy();
    expect(screen.getByText("$2.60")).toBeTruthy();
    expect(screen.queryByText("No AI use")).toBeNull();
  });
});
