import { DEFAULT_EMAIL_FROM } from "@interviewlm/emails";
import { describe, expect, it } from "vitest";
import { createHarness } from "./testing/index.ts";

// The sender is the process's EMAIL_FROM, validated at start-up and handed to the services
// (deps.emailFrom), not read from the environment when a message is queued.
describe("the sender of queued mail", () => {
  it("is the one the process was configured with, else the default", async () => {
    for (const [emailFrom, expected] of [
      ["Acme Hiring <hiring@acme.test>", "Acme Hiring <hiring@acme.test>"],
      [undefined, DEFAULT_EMAIL_FROM],
    ] as const) {
      const h = await createHarness({ emailFrom });
      try {
        await h.signUpVerified({ name: "Olivia Owner", email: "owner@acme.test", organizationName: "Acme Hiring" });
        const rows = await h.db.prisma.emailMessage.findMany({ select: { fromAddress: true } });
        expect(rows.length).toBeGreaterThan(0);
        expect(new Set(rows.map((row) => row.fromAddress))).toEqual(new Set([expected]));
      } finally {
        await h.close();
      }
    }
  });
});
