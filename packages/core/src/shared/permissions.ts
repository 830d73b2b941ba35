import { roleCan, type Permission } from "@interviewlm/auth";
import type { OrgActor } from "./deps.ts";
import { forbidden } from "./errors.ts";

/** Defence in depth: services re-check what the API layer already checked. */
export function requirePermission(actor: OrgActor, permission: Permission): void {
  if (!roleCan(actor.role, permission)) {
    throw forbidden(`Your role (${actor.role.toLowerCase()}) does not allow ${permission}.`);
  }
}
