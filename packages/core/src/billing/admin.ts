// Platform admins grant or remove credits with a reason. The ledger entry names the admin
// (causeId) and keeps the reason (note); the audit log records the same act.
import { recordAudit } from "../audit/audit-log.ts";
import type { CoreDeps } from "../shared/deps.ts";
import { badRequest, notFound } from "../shared/errors.ts";
import { applyCreditEntry } from "./ledger.ts";
import { AdjustCreditsInput } from "./schemas.ts";
import { randomUUID } from "node:crypto";

export async function adjustCredits(
  deps: CoreDeps,
  admin: { userId: string; ipAddress?: string | null },
  rawInput: AdjustCreditsInput,
): Promise<{ available: number; reserved: number }> {
  const input = AdjustCreditsInput.parse(rawInput);
  const organization = await deps.db.organization.findUnique({ where: { id: input.organizationId }, select: { id: true } });
  if (!organization) throw notFound("Organisation", input.organizationId);
  return deps.db.$transaction(async (tx) => {
    const applied = await applyCreditEntry(tx, {
      organizationId: input.organizationId,
      kind: input.credits > 0 ? "GRANT" : "ADJUSTMENT",
      amount: input.credits,
      causeType: "ADMIN",
      causeId: admin.userId,
      idempotencyKey: `admin:${randomUUID()}`,
      actorUserId: admin.userId,
      note: input.reason,
    });
    if (!applied) {
      const { available } = await tx.creditAccount.findUniqueOrThrow({ where: { organizationId: input.organizationId }, select: { available: true } });
      throw badRequest(`Cannot remove ${-input.credits} credits: the organisation has ${available} available (reserved credits stay with their invitations).`, {
        credits: [`At most ${available} can be removed.`],
      });
    }
    if (input.credits > 0) await tx.creditAccount.update({ where: { organizationId: input.organizationId }, data: { lowBalanceNotifiedAt: null } });
    await recordAudit(tx, {
      organizationId: input.organizationId,
      actorUserId: admin.userId,
      action: "billing.credits_adjusted",
      targetType: "organization",
      targetId: input.organizationId,
      metadata: { credits: input.credits, reason: input.reason, availableAfter: applied.available },
      ipAddress: admin.ipAddress,
    });
    return { available: applied.available, reserved: applied.reserved };
  });
}
