// Deleting an organisation (docs/decisions/0170): owner only, with its name typed as confirmation.
// Every session's workspace and room are erased first; if any store cannot be reached nothing is
// deleted from the database and the owner is told to try again (each store erasure is idempotent,
// so a retry finishes the job). Then one transaction deletes the organisation — the schema's
// cascades take its members, assessments, candidates, sessions, recordings, ledger and audit log —
// plus what is not tied to it by a cascade: its outbox mail and its dead-lettered recordings.
// Its Stripe customer (the buyer's name, address, tax ids, payment methods) is deleted in Stripe
// before the database, on the same terms as the other stores.
import { recordAudit } from "../audit/audit-log.ts";
import { deleteStripeCustomer } from "../billing/stripe-customer.ts";
import { type CoreDeps, type OrgActor } from "../shared/deps.ts";
import { badRequest, DomainError, notFound } from "../shared/errors.ts";
import { requirePermission } from "../shared/permissions.ts";
import type { ErasureDeps } from "./erase-candidate.ts";
import { DeleteOrganizationInput } from "./erase-schemas.ts";
import { eraseExternalStores } from "./erase-stores.ts";

export async function deleteOrganization(deps: ErasureDeps & Pick<CoreDeps, "billing">, actor: OrgActor, rawInput: { confirmName: string }): Promise<{ deleted: true; sessionsErased: number }> {
  requirePermission(actor, "org:delete");
  const { confirmName } = DeleteOrganizationInput.parse(rawInput);
  const org = await deps.db.organization.findUnique({ where: { id: actor.organizationId }, select: { id: true, name: true } });
  if (!org) throw notFound("Organization", actor.organizationId);
  if (confirmName !== org.name.trim()) throw badRequest("The name you typed does not match the organization's name.", { confirmName: [`Type ${org.name} exactly.`] });

  const sessions = await deps.db.interviewSession.findMany({ where: { organizationId: org.id }, select: { id: true, workspaceId: true, status: true } });
  // A running room would keep writing what it is told to forget: wait for the interviews to end.
  const running = sessions.filter((s) => s.status === "ACTIVE" || s.status === "STARTING").length;
  if (running > 0) throw new DomainError("PRECONDITION_FAILED", `${running} interview(s) are in progress; delete the organization once they have finished.`);
  const failures: string[] = [];
  for (const session of sessions) {
    try {
      await eraseExternalStores({ sandbox: deps.sandbox, ...(deps.rooms ? { rooms: deps.rooms } : {}) }, session, "organization_deleted");
    } catch (error) {
      failures.push(error instanceof Error ? error.message : String(error));
    }
  }
  if (failures.length > 0) {
    throw new DomainError("UNAVAILABLE", `Nothing was deleted: ${failures.length} interview(s) could not be erased from the sandbox or the rooms (${failures[0]}). Try again in a few minutes.`);
  }

  const stripeCustomer = await eraseStripeCustomer(deps, org.id);

  const sessionIds = sessions.map((s) => s.id);
  await deps.db.$transaction(async (tx) => {
    await tx.emailMessage.deleteMany({ where: { organizationId: org.id } });
    await tx.recordingDeadLetter.deleteMany({ where: { sessionId: { in: sessionIds } } });
    await tx.organization.delete({ where: { id: org.id } });
    // Sign-in sessions remember the organisation they worked in (no foreign key): forget it.
    await tx.session.updateMany({ where: { activeOrganizationId: org.id }, data: { activeOrganizationId: null } });
    // Per-organisation rate-limit windows (e.g. invitations) carry its id in their key.
    await tx.rateLimitCounter.deleteMany({ where: { key: { contains: org.id } } });
    // Outside the organisation (its own log went with it), so the deletion itself stays on record.
    await recordAudit(tx, {
      organizationId: null,
      actorUserId: actor.userId,
      action: "organization.deleted",
      targetType: "organization",
      targetId: org.id,
      metadata: { sessionsErased: sessions.length, ...stripeCustomer },
      ipAddress: actor.ipAddress,
    });
  });
  return { deleted: true, sessionsErased: sessions.length };
}

/**
 * The organisation's Stripe customer, deleted in Stripe. When billing has been switched off on
 * this installation since the purchase, Stripe cannot be reached: the deletion goes on and the
 * audit record names the customer an operator still has to delete in Stripe's dashboard.
 */
async function eraseStripeCustomer(deps: Pick<CoreDeps, "db" | "billing">, organizationId: string): Promise<{ stripeCustomer?: "deleted" | "kept_billing_off"; stripeCustomerId?: string }> {
  const account = await deps.db.creditAccount.findUnique({ where: { organizationId }, select: { stripeCustomerId: true } });
  const customerId = account?.stripeCustomerId;
  if (!customerId) return {};
  if (!deps.billing) return { stripeCustomer: "kept_billing_off", stripeCustomerId: customerId };
  try {
    await deleteStripeCustomer(deps.billing, customerId);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new DomainError("UNAVAILABLE", `Nothing was deleted: Stripe could not delete the organization's billing details (${detail}). Try again in a few minutes.`);
  }
  return { stripeCustomer: "deleted" };
}
