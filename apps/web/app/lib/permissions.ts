// What the signed-in person may do in the active organisation, for the UI to show only
// that. The app layout's loader answers it once from THE permission table
// (@interviewlm/auth/permissions); pages ask `can(...)` instead of comparing roles.
// The procedures check the same table again, so hiding is convenience, not the guard.
import { canAssignRole, canManageMember, type Permission } from "@interviewlm/auth/permissions";
import type { Role } from "@interviewlm/db";
import { useRouteLoaderData } from "@remix-run/react";
import type { loader as appLoader } from "~/routes/app";

export interface Permissions {
  role: Role | null;
  can(permission: Permission): boolean;
  /** May give someone this role (invite with it, change to it). */
  canAssign(target: Role): boolean;
  /** May change or remove someone who holds this role. */
  canManage(current: Role): boolean;
}

export function permissionsOf(role: Role | null, granted: readonly Permission[]): Permissions {
  const set = new Set(granted);
  return {
    role,
    can: (permission) => set.has(permission),
    canAssign: (target) => role !== null && canAssignRole(role, target),
    canManage: (current) => role !== null && canManageMember(role, current),
  };
}

/** Inside /app: the caller's permissions in the active organisation (none without one). */
export function usePermissions(): Permissions {
  const app = useRouteLoaderData<typeof appLoader>("routes/app");
  return permissionsOf(app?.role ?? null, app?.permissions ?? []);
}
