// THE permission table: every "may this role do that?" in the product is answered here,
// so the UI, tRPC's orgProcedure(permission) and services cannot drift apart.
// Type-only import of Role keeps this module free of server code (safe in client bundles).
import type { Role } from "@interviewlm/db";

export const ROLES = ["OWNER", "ADMIN", "MEMBER", "VIEWER"] as const satisfies readonly Role[];

const ALL: readonly Role[] = ROLES;
const MANAGERS: readonly Role[] = ["OWNER", "ADMIN"];
const CONTRIBUTORS: readonly Role[] = ["OWNER", "ADMIN", "MEMBER"];
const OWNERS: readonly Role[] = ["OWNER"];

const TABLE = {
  "org:read": ALL,
  "org:update": MANAGERS,
  "org:delete": OWNERS,
  "members:read": ALL,
  "members:invite": MANAGERS,
  "members:update_role": MANAGERS,
  "members:remove": MANAGERS,
  "billing:read": MANAGERS,
  "billing:manage": MANAGERS,
  "assessments:read": ALL,
  "assessments:write": CONTRIBUTORS,
  // Hidden tests and reference solutions of the organisation's OWN (generated) questions.
  // Those of the curated bank are the product's and never leave the server at all.
  "questions:read_solutions": CONTRIBUTORS,
  "candidates:read": ALL,
  "candidates:invite": CONTRIBUTORS,
  "sessions:watch": ALL,
  "notes:write": CONTRIBUTORS,
  "reports:read": ALL,
  // A read-only link for someone outside the organisation (docs/decisions/0142).
  "reports:share": CONTRIBUTORS,
  "evaluations:override": CONTRIBUTORS,
  // Advance / hold / reject a candidate: the people who run interviews decide; viewers read.
  "decisions:write": CONTRIBUTORS,
  "audit:read": MANAGERS,
  "data:export": MANAGERS,
  "data:delete": MANAGERS,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof TABLE;
export const PERMISSIONS = Object.keys(TABLE) as Permission[] as readonly Permission[];

export function roleCan(role: Role, permission: Permission): boolean {
  // Unknown strings (e.g. from an untyped caller) fall through to false.
  return (TABLE[permission] as readonly Role[] | undefined)?.includes(role) ?? false;
}

export function permissionsFor(role: Role): Permission[] {
  return PERMISSIONS.filter((permission) => roleCan(role, permission));
}

/**
 * Whether `actor` may give someone the role `target` (invite with it, or change to it).
 * Owners may grant anything; admins anything but OWNER; members and viewers nothing.
 */
export function canAssignRole(actor: Role, target: Role): boolean {
  if (!roleCan(actor, "members:update_role")) return false;
  return target !== "OWNER" || actor === "OWNER";
}

/**
 * Whether `actor` may change the role of, or remove, someone who currently holds
 * `current`. Only owners manage owners. (The "last owner cannot leave or be demoted"
 * rule needs a count of owners, so it lives with the membership service.)
 */
export function canManageMember(actor: Role, current: Role): boolean {
  if (!roleCan(actor, "members:update_role")) return false;
  return current !== "OWNER" || actor === "OWNER";
}
