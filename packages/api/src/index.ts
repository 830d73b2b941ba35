export { appRouter, createCaller, type AppRouter } from "./root.ts";
export { createApiContext, resolveRequestAuth, type ApiContext, type ApiDeps, type RequestAuth } from "./context.ts";
export type { ErrorShapeData } from "./errors.ts";
export { fetchRequestHandler } from "@trpc/server/adapters/fetch";
