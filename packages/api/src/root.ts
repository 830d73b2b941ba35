import { authRouter } from "./routers/auth.ts";
import { membersRouter } from "./routers/members.ts";
import { organizationRouter } from "./routers/organization.ts";
import { createCallerFactory, createTRPCRouter } from "./trpc.ts";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  organization: organizationRouter,
  members: membersRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
