// One email to the owners when the available credits fall to the threshold; the flag is
// cleared when credits are added, so each dip below it is announced once, not per invitation.
import type { Tx } from "@interviewlm/db";
import { queueEmail } from "@interviewlm/emails";
import { nowOf, type CoreDeps } from "../shared/deps.ts";
import { BILLING_PATH } from "./reservations.ts";

export const DEFAULT_LOW_BALANCE_THRESHOLD = 1;

export async function notifyLowBalanceOnce(tx: Tx, deps: CoreDeps, organizationId: string, available: number): Promise<boolean> {
  if (available > (deps.billing?.lowBalanceThreshold ?? DEFAULT_LOW_BALANCE_THRESHOLD)) return false;
  const claimed = await tx.creditAccount.updateMany({ where: { organizationId, lowBalanceNotifiedAt: null }, data: { lowBalanceNotifiedAt: nowOf(deps) } });
  if (claimed.count !== 1) return false;
  const [organization, account, owners] = await Promise.all([
    tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { name: true } }),
    tx.creditAccount.findUniqueOrThrow({ where: { organizationId }, select: { reserved: true } }),
    tx.membership.findMany({ where: { organizationId, role: "OWNER" }, select: { user: { select: { email: true } } } }),
  ]);
  for (const owner of owners) {
    await queueEmail(
      tx,
      {
        template: "low-credit-balance",
        to: owner.user.email,
        organizationId,
        props: { organizationName: organization.name, available, reserved: account.reserved, billingUrl: `${deps.appUrl}${BILLING_PATH}` },
      },
      { from: deps.emailFrom },
    );
  }
  return true;
}
