import { describe, expect, it } from "vitest";
import { renderEmail } from "../render-email.tsx";
import type { EmailInput } from "./registry.ts";

const props = {
  recipientName: "Rhea Reviewer",
  organizationName: "Analytical Engines",
  candidateName: "Grace Hopper",
  assessmentTitle: "Backend Python, mid-level",
  recommendation: "Leaning no",
  measuredOnly: false,
  reportUrl: "https://app.interviewlm.test/app/sessions/s_1/report",
};
const ready: EmailInput = { template: "evaluation-ready", to: "rhea@example.com", organizationId: "org_1", props };

describe("evaluation ready email", () => {
  it("names the candidate and the assessment, gives the recommendation and links the report", async () => {
    const email = await renderEmail(ready);
    expect(email.subject).toBe("Grace Hopper's report is ready: Backend Python, mid-level");
    expect(email.text).toContain("Hi Rhea Reviewer,");
    expect(email.text).toContain("The recommendation is Leaning no.");
    expect(email.html).toContain(`href="${props.reportUrl}"`);
    expect(email.text).toContain(props.reportUrl);
    expect(email.text).toMatch(/advance, hold or reject/);
  });

  it("says when the recommendation rests on the measured part only, or that there is none", async () => {
    expect((await renderEmail({ ...ready, props: { ...props, measuredOnly: true } })).text).toMatch(/Leaning no, from the measured part only/);
    expect((await renderEmail({ ...ready, props: { ...props, recommendation: null } })).text).toContain("There is no recommendation");
  });

  it("refuses a report link that is not http(s)", async () => {
    await expect(renderEmail({ ...ready, props: { ...props, reportUrl: "javascript:alert(1)" } })).rejects.toThrow(/reportUrl/);
  });
});
