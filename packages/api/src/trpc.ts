import { checkRequestOrigin, roleCan, type Permission } from "@interviewlm/auth";
import { DomainError, type OrgActor } from "@interviewlm/core";
import { resolveActiveOrganization } from "@interviewlm/core/organizations";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import type { ApiContext, RequestAuth } from "./context.ts";
import { errorShapeData, isValidationError, toTRPCError } from "./errors.ts";

const t = initTRPC.context<ApiContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const data = errorShapeData(error.cause);
    // Validation failures get one summary line; the details travel per field.
    const message = isValidationError(error.cause) ? "Some fields need attention." : shape.message;
    return { ...shape, message, data: { ...shape.data, ...data } };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const mergeRouters = t.mergeRouters;

/** Domain errors thrown by services become typed tRPC errors (next() never throws in v11). */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) throw toTRPCError(result.error.cause);
  return result;
});

/** CSRF defence: every mutation must come from one of our own origins. */
const requireSameOrigin = t.middleware(({ ctx, type, next }) => {
  if (type === "mutation") {
    const verdict = checkRequestOrigin(ctx.request, ctx.deps.allowedOrigins);
    if (!verdict.ok) throw new TRPCError({ code: "FORBIDDEN", message: `Cross-origin request refused: ${verdict.reason}` });
  }
  return next();
});

export const publicProcedure = t.procedure.use(mapDomainErrors).use(requireSameOrigin);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.auth) throw new TRPCError({ code: "UNAUTHORIZED", message: "Log in to continue." });
  return next({ ctx: { ...ctx, auth: ctx.auth as RequestAuth } });
});

/** Operations staff across every organisation (User.isPlatformAdmin). */
export const platformAdminProcedure = authedProcedure.use(({ ctx, next }) => {
  if (!ctx.auth.user.isPlatformAdmin) throw new TRPCError({ code: "FORBIDDEN", message: "Only platform administrators can do this." });
  return next();
});

/**
 * Procedures scoped to the caller's active organisation: the membership is read
 * from the database on every call (never trusted from the client) and the role
 * must grant `permission`.
 */
export function orgProcedure(permission: Permission) {
  return authedProcedure.use(async ({ ctx, next }) => {
    const { session, user } = ctx.auth;
    if (!user.emailVerifiedAt) {
      throw new TRPCError({ code: "FORBIDDEN", message: "Verify your email address to use your organization." });
    }
    const active = await resolveActiveOrganization(ctx.deps.db, session);
    if (!active) {
      throw new TRPCError({ code: "PRECONDITION_FAILED", message: "You are not a member of any organization yet. Create one first." });
    }
    const { organizationId, role } = active;
    if (!roleCan(role, permission)) {
      throw new TRPCError({
        code: "FORBIDDEN",
        message: `Your role (${role.toLowerCase()}) does not allow this (${permission}).`,
      });
    }
    const actor: OrgActor = { userId: user.id, organizationId, role, ipAddress: ctx.meta.ipAddress };
    return next({ ctx: { ...ctx, actor } });
  });
}
