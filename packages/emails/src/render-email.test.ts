import { describe, expect, expectTypeOf, it } from "vitest";
import { EmailInputError } from "./errors.ts";
import { renderEmail } from "./render-email.tsx";
import type { EmailInput } from "./templates/registry.ts";

const verify: EmailInput = {
  template: "verify-email",
  to: "ada@example.com",
  props: { name: "Ada", verifyUrl: "https://app.interviewlm.test/verify?token=abc&x=1" },
};
const reset: EmailInput = {
  template: "reset-password",
  to: "ada@example.com",
  props: { name: "Ada", resetUrl: "https://app.interviewlm.test/reset?token=def", expiresInMinutes: 30 },
};
const invitation: EmailInput = {
  template: "team-invitation",
  to: "grace@example.com",
  organizationId: "org_1",
  props: {
    inviterName: "Ada Lovelace",
    organizationName: "Analytical Engines",
    role: "ADMIN",
    acceptUrl: "https://app.interviewlm.test/invitations/accept?token=ghi",
    expiresAt: new Date("2030-03-04T05:06:00Z"),
  },
};

describe("renderEmail", () => {
  it.each([
    [verify, "https://app.interviewlm.test/verify?token=abc&x=1", /verify your email/i],
    [reset, "https://app.interviewlm.test/reset?token=def", /reset your interviewlm password/i],
    [invitation, "https://app.interviewlm.test/invitations/accept?token=ghi", /Ada Lovelace invited you to join Analytical Engines/],
  ])("renders %# as HTML and plain text carrying the link and a meaningful subject", async (input, link, subject) => {
    const email = await renderEmail(input);
    expect(email.subject).toMatch(subject);
    // In HTML attributes `&` is written `&amp;`.
    expect(email.html).toContain(`href="${link.replaceAll("&", "&amp;")}"`);
    expect(email.text).toContain(link);
    expect(email.html).toMatch(/^<!DOCTYPE html/);
    expect(email.html).toContain('lang="en"');
    expect(email.text).not.toMatch(/<[a-z]/i);
  });

  it("uses the shared layout: brand, footer saying why the mail came", async () => {
    for (const input of [verify, reset, invitation]) {
      const { html, text } = await renderEmail(input);
      expect(html).toContain("InterviewLM");
      expect(text).toMatch(/You received this email because/);
    }
  });

  it("keeps the preheader out of the plain text but in the HTML", async () => {
    const { html, text } = await renderEmail(reset);
    expect(html).toContain("Use this link within 30 minutes to choose a new password.");
    expect(text).not.toContain("Use this link within");
    expect(text).toContain("expires in 30 minutes");
  });

  it("states the invitation's role and UTC expiry", async () => {
    const { text } = await renderEmail(invitation);
    expect(text).toContain("as an admin");
    expect(text).toContain("Monday, 4 March 2030 at 05:06 UTC");
  });

  it("escapes user-provided names instead of injecting HTML", async () => {
    const hostile = '<img src=x onerror="alert(1)"><a href="https://evil.test">click</a>';
    const { html, subject } = await renderEmail({
      ...invitation,
      props: { ...invitation.props, inviterName: hostile, organizationName: "<script>alert(2)</script>" },
    });
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain("<script>");
    expect(html).not.toContain('href="https://evil.test"');
    expect(html).toContain("&lt;img src=x");
    expect(html).toContain("&lt;script&gt;");
    // Subjects are plain text: the name stays literal there, on one line.
    expect(subject).toContain("<script>alert(2)</script>");
  });

  it("puts names on one line so they cannot add lines to a subject", async () => {
    const { subject } = await renderEmail({
      ...invitation,
      props: { ...invitation.props, inviterName: "Ada\r\nBcc: victim@example.com" },
    });
    expect(subject).not.toMatch(/[\r\n]/);
    expect(subject).toMatch(/^Ada Bcc: victim@example.com invited you/);
  });

  it("refuses links that are not http(s), blank names, bad addresses and a missing organisation", async () => {
    await expect(
      renderEmail({ ...verify, props: { name: "Ada", verifyUrl: "javascript:alert(1)" } }),
    ).rejects.toThrow(/props.verifyUrl/);
    await expect(renderEmail({ ...verify, props: { ...verify.props, name: " \n " } })).rejects.toThrow(/props.name/);
    await expect(renderEmail({ ...verify, to: "not an address" })).rejects.toThrow(EmailInputError);
    await expect(
      renderEmail({ ...invitation, organizationId: "" } as EmailInput),
    ).rejects.toThrow(/organizationId: is required/);
    await expect(
      renderEmail({ ...reset, props: { ...reset.props, expiresInMinutes: 0 } }),
    ).rejects.toThrow(/expiresInMinutes/);
  });

  it("refuses an unknown template", async () => {
    await expect(renderEmail({ ...verify, template: "nope" } as unknown as EmailInput)).rejects.toThrow(/unknown template/);
  });
});

describe("EmailInput", () => {
  it("is exactly the union other packages code against", () => {
    type Expected =
      | { template: "verify-email"; to: string; organizationId?: string | null; props: { name: string; verifyUrl: string } }
      | {
          template: "reset-password";
          to: string;
          organizationId?: string | null;
          props: { name: string; resetUrl: string; expiresInMinutes: number };
        }
      | {
          template: "team-invitation";
          to: string;
          organizationId: string;
          props: { inviterName: string; organizationName: string; role: string; acceptUrl: string; expiresAt: Date };
        }
      | { template: "assessment-invitation"; to: string; organizationId: string; props: AssessmentEmailProps }
      | { template: "assessment-reminder"; to: string; organizationId: string; props: AssessmentEmailProps }
      | {
          template: "low-credit-balance";
          to: string;
          organizationId: string;
          props: { organizationName: string; available: number; reserved: number; billingUrl: string };
        }
      | {
          template: "candidate-data-download";
          to: string;
          organizationId: string;
          props: { candidateName: string; organizationName: string; downloadUrl: string; expiresAt: Date };
        }
      | {
          template: "evaluation-ready";
          to: string;
          organizationId: string;
          props: { recipientName: string; organizationName: string; candidateName: string; assessmentTitle: string; recommendation: string | null; measuredOnly: boolean; reportUrl: string };
        }
      | {
          template: "candidate-erasure-confirm";
          to: string;
          organizationId: string;
          props: { candidateName: string; organizationName: string; confirmUrl: string; expiresAt: Date };
        };
    type AssessmentEmailProps = {
      candidateName: string;
      organizationName: string;
      assessmentTitle: string;
      role: string;
      durationMinutes: number;
      questionCount: number;
      aiAssistance: "OFF" | "CHAT" | "AGENT";
      portalUrl: string;
      expiresAt: Date;
      dataUrl?: string | undefined;
      dataRetentionDays?: number | null | undefined;
    };
    expectTypeOf<EmailInput>().toEqualTypeOf<Expected>();
  });
});
