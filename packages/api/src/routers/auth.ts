import * as accounts from "@interviewlm/core/accounts";
import { listUserOrganizations, resolveActiveOrganization } from "@interviewlm/core/organizations";
import type { TRPCRouterRecord } from "@trpc/server";
import { clearSessionCookie, setSessionCookie } from "../session-cookie.ts";
import { authedProcedure, publicProcedure } from "../trpc.ts";

export const authRouter = {
  /** Who is signed in (null when nobody), their organisations and the active one. */
  me: publicProcedure.query(async ({ ctx }) => {
    if (!ctx.auth) return null;
    const { session, user } = ctx.auth;
    const [profile, organizations, active] = await Promise.all([
      accounts.getProfile(ctx.deps.db, user.id),
      listUserOrganizations(ctx.deps.db, user.id),
      resolveActiveOrganization(ctx.deps.db, session),
    ]);
    return { user: profile, organizations, activeOrganizationId: active?.organizationId ?? null, sessionId: session.id };
  }),

  providers: publicProcedure.query(({ ctx }) => ctx.deps.oauthProviders),

  signUp: publicProcedure.input(accounts.SignUpInput).mutation(async ({ ctx, input }) => {
    const issued = await accounts.signUp(ctx.deps, input, ctx.meta);
    setSessionCookie(ctx, issued);
    return { userId: issued.userId, organizationId: issued.organizationId };
  }),

  logIn: publicProcedure.input(accounts.LogInInput).mutation(async ({ ctx, input }) => {
    const issued = await accounts.logIn(ctx.deps, input, ctx.meta);
    setSessionCookie(ctx, issued);
    return { userId: issued.userId, organizationId: issued.organizationId };
  }),

  logOut: publicProcedure.mutation(async ({ ctx }) => {
    if (ctx.auth) await accounts.logOut(ctx.deps, ctx.auth.session, ctx.meta);
    clearSessionCookie(ctx);
    return { ok: true as const };
  }),

  logOutEverywhere: authedProcedure.mutation(async ({ ctx }) => {
    const ended = await accounts.revokeAllSessions(ctx.deps, { userId: ctx.auth.user.id, ipAddress: ctx.meta.ipAddress });
    clearSessionCookie(ctx);
    return { ended };
  }),

  verifyEmail: publicProcedure.input(accounts.VerifyEmailInput).mutation(({ ctx, input }) =>
    accounts.verifyEmail(ctx.deps, input.token),
  ),

  resendVerification: authedProcedure.mutation(async ({ ctx }) => {
    await accounts.resendVerificationEmail(ctx.deps, ctx.auth.user.id);
    return { ok: true as const };
  }),

  requestPasswordReset: publicProcedure.input(accounts.RequestPasswordResetInput).mutation(async ({ ctx, input }) => {
    await accounts.requestPasswordReset(ctx.deps, input, ctx.meta);
    return { ok: true as const };
  }),

  resetPassword: publicProcedure.input(accounts.ResetPasswordInput).mutation(async ({ ctx, input }) => {
    const issued = await accounts.resetPassword(ctx.deps, input, ctx.meta);
    setSessionCookie(ctx, issued);
    return { userId: issued.userId };
  }),

  changePassword: authedProcedure.input(accounts.ChangePasswordInput).mutation(({ ctx, input }) =>
    accounts.changePassword(
      ctx.deps,
      { userId: ctx.auth.user.id, sessionId: ctx.auth.session.id, ipAddress: ctx.meta.ipAddress },
      input,
    ),
  ),

  updateProfile: authedProcedure.input(accounts.UpdateProfileInput).mutation(({ ctx, input }) =>
    accounts.updateProfile(ctx.deps, ctx.auth.user.id, input),
  ),

  sessions: authedProcedure.query(({ ctx }) =>
    accounts.listSessions(ctx.deps.db, { userId: ctx.auth.user.id, sessionId: ctx.auth.session.id }),
  ),

  revokeSession: authedProcedure.input(accounts.SessionIdInput).mutation(async ({ ctx, input }) => {
    await accounts.revokeSession(ctx.deps, { userId: ctx.auth.user.id, ipAddress: ctx.meta.ipAddress }, input.sessionId);
    if (input.sessionId === ctx.auth.session.id) clearSessionCookie(ctx);
    return { ok: true as const };
  }),
} satisfies TRPCRouterRecord;
