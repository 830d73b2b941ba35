// @vitest-environment jsdom
import "../interview/dom-test-setup";
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { EvaluationReport } from "./evaluation-report";
import { REPLAY_PATH, evaluationFixture } from "./report-fixture";
import { ReplayLinksProvider } from "./replay-links";

describe("replay links in the report", () => {
  it("are links for members and plain timestamps on a shared report, with the same words", () => {
    const member = render(<EvaluationReport evaluation={evaluationFixture()} replayPath={REPLAY_PATH} />);
    const linked = within(screen.getByRole("region", { name: "Questions" })).getAllByRole("link").map((a) => a.textContent);
    expect(linked.length).toBeGreaterThan(0);
    member.unmount();

    render(
      <ReplayLinksProvider value={false}>
        <EvaluationReport evaluation={evaluationFixture()} replayPath={REPLAY_PATH} />
      </ReplayLinksProvider>,
    );
    expect(screen.queryAllByRole("link")).toEqual([]);
    for (const text of linked) expect(within(screen.getByRole("region", { name: "Questions" })).getByText(text!)).toBeTruthy();
  });
});
