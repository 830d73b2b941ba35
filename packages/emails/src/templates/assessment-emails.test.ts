import { describe, expect, it } from "vitest";
import { renderEmail } from "../render-email.tsx";
import type { EmailInput } from "./registry.ts";

const props = {
  candidateName: "Grace Hopper",
  organizationName: "Analytical Engines",
  assessmentTitle: "Backend Python, mid-level",
  role: "Backend engineer",
  durationMinutes: 90,
  questionCount: 2,
  aiAssistance: "AGENT" as const,
  portalUrl: "https://app.interviewlm.test/i/eyJjIjoiYyJ9.c2ln",
  expiresAt: new Date("2030-03-04T05:06:00Z"),
};
const invitation: EmailInput = { template: "assessment-invitation", to: "grace@example.com", organizationId: "org_1", props };
const reminder: EmailInput = { template: "assessment-reminder", to: "grace@example.com", organizationId: "org_1", props };

describe("assessment invitation email", () => {
  it("names the company and the assessment in the subject and carries the portal link as its one action", async () => {
    const email = await renderEmail(invitation);
    expect(email.subject).toBe("Analytical Engines invited you to a technical interview: Backend Python, mid-level");
    expect(email.html).toContain(`href="${props.portalUrl}"`);
    expect(email.html).toContain("Open your assessment");
    expect(email.text).toContain(props.portalUrl);
  });

  it("says what to expect: questions, duration, the AI agent, what is recorded, and the UTC expiry", async () => {
    const { text } = await renderEmail(invitation);
    expect(text).toContain("Hi Grace Hopper,");
    expect(text).toContain("for the Backend engineer role");
    expect(text).toContain("2 coding questions in 90 minutes");
    expect(text).toMatch(/AI coding agent works beside you/);
    expect(text).toMatch(/What is recorded: your editor, terminal, test runs, AI conversation, and paste and window-focus signals/);
    expect(text).toMatch(/may watch live/);
    expect(text).toContain("works until Monday, 4 March 2030 at 05:06 UTC");
  });

  it("explains each AI assistance level", async () => {
    const off = await renderEmail({ ...invitation, props: { ...props, aiAssistance: "OFF", questionCount: 1, durationMinutes: 60 } });
    expect(off.text).toContain("without an AI assistant");
    expect(off.text).toContain("1 coding question in 1 hour");
    const chat = await renderEmail({ ...invitation, props: { ...props, aiAssistance: "CHAT" } });
    expect(chat.text).toContain("cannot change your files");
  });

  it("escapes recruiter-typed titles and keeps the subject on one line", async () => {
    const { html, subject } = await renderEmail({
      ...invitation,
      props: { ...props, assessmentTitle: "<script>alert(1)</script>\r\nBcc: x@evil.test" },
    });
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
    expect(subject).not.toMatch(/[\r\n]/);
  });

  it("refuses a non-http link, an unknown AI level and a missing organisation", async () => {
    await expect(renderEmail({ ...invitation, props: { ...props, portalUrl: "javascript:alert(1)" } })).rejects.toThrow(/props.portalUrl/);
    await expect(
      renderEmail({ ...invitation, props: { ...props, aiAssistance: "MAGIC" } } as unknown as EmailInput),
    ).rejects.toThrow(/props.aiAssistance/);
    await expect(renderEmail({ ...invitation, organizationId: "" } as EmailInput)).rejects.toThrow(/organizationId/);
  });
});

describe("assessment reminder email", () => {
  it("reminds with the same link, the deadline and the same expectations", async () => {
    const email = await renderEmail(reminder);
    expect(email.subject).toBe("Reminder: your Backend Python, mid-level interview with Analytical Engines");
    expect(email.html).toContain(`href="${props.portalUrl}"`);
    expect(email.text).toContain("open until Monday, 4 March 2030 at 05:06 UTC");
    expect(email.text).toContain("same link as in your invitation");
    expect(email.text).toContain("2 coding questions in 90 minutes");
    expect(email.text).toMatch(/You received this email because Analytical Engines invited this address/);
  });
});

describe("the 'Your data' link", () => {
  const dataUrl = "https://app.interviewlm.test/your-data/t1.abc.def";

  it("closes the invitation and the reminder when given, and is absent otherwise", async () => {
    for (const input of [invitation, reminder]) {
      const email = await renderEmail({ ...input, props: { ...props, dataUrl } } as EmailInput);
      expect(email.html).toContain(`href="${dataUrl}"`);
      expect(email.text).toMatch(/Your data: you can ask for a copy of everything Analytical Engines holds about you/);
      expect((await renderEmail(input)).text).not.toContain("Your data");
    }
  });

  it("refuses a non-http data link", async () => {
    await expect(renderEmail({ ...invitation, props: { ...props, dataUrl: "javascript:alert(1)" } } as EmailInput)).rejects.toThrow(/props.dataUrl/);
  });
});

describe("the retention period", () => {
  it("states the organisation's period in the invitation and the reminder, as the portal's consent does", async () => {
    for (const input of [invitation, reminder]) {
      const { text } = await renderEmail({ ...input, props: { ...props, dataRetentionDays: 180 } } as EmailInput);
      expect(text).toContain("Analytical Engines keeps the recording, your code and your results for 180 days after your assessment is evaluated; then they are erased automatically.");
    }
  });

  it("says data is kept until erased when the organisation set no period, and nothing for a message queued before it was stated", async () => {
    const kept = await renderEmail({ ...invitation, props: { ...props, dataRetentionDays: null } } as EmailInput);
    expect(kept.text).toContain("keeps the recording, your code and your results until it erases them; you can ask Analytical Engines to erase them at any time.");
    expect((await renderEmail(invitation)).text).not.toContain("keeps the recording");
  });

  it("refuses a period that is not a whole number of days", async () => {
    await expect(renderEmail({ ...invitation, props: { ...props, dataRetentionDays: 0 } } as EmailInput)).rejects.toThrow(/props.dataRetentionDays/);
    await expect(renderEmail({ ...invitation, props: { ...props, dataRetentionDays: 1.5 } } as EmailInput)).rejects.toThrow(/props.dataRetentionDays/);
  });
});

describe("candidate data download email", () => {
  it("carries the download link and its UTC expiry to the candidate", async () => {
    const downloadUrl = "https://app.interviewlm.test/your-data/download/t1.abc.def";
    const email = await renderEmail({
      template: "candidate-data-download", to: "grace@example.com", organizationId: "org_1",
      props: { candidateName: "Grace Hopper", organizationName: "Analytical Engines", downloadUrl, expiresAt: new Date("2030-03-04T05:06:00Z") },
    });
    expect(email.subject).toBe("Your data held by Analytical Engines");
    expect(email.html).toContain(`href="${downloadUrl}"`);
    expect(email.text).toContain("works until Monday, 4 March 2030 at 05:06 UTC");
    expect(email.text).toMatch(/If it was not you, you can ignore this email/);
  });

  it("asks the candidate to confirm an erasure, with the link and its UTC expiry", async () => {
    const confirmUrl = "https://app.interviewlm.test/your-data/erase/t1.abc.def";
    const email = await renderEmail({
      template: "candidate-erasure-confirm", to: "grace@example.com", organizationId: "org_1",
      props: { candidateName: "Grace Hopper", organizationName: "Analytical Engines", confirmUrl, expiresAt: new Date("2030-03-04T05:06:00Z") },
    });
    expect(email.subject).toBe("Confirm erasing your data held by Analytical Engines");
    expect(email.html).toContain(`href="${confirmUrl}"`);
    expect(email.text).toContain("works until Monday, 4 March 2030 at 05:06 UTC");
    expect(email.text).toMatch(/nothing is erased unless the link is followed and confirmed/);
  });
});
