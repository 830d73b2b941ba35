// tRPC over HTTP at /api/trpc/* (queries, batches, mutations) with the fetch adapter.
import { appRouter, createApiContext, fetchRequestHandler } from "@interviewlm/api";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";

function handle({ request, context }: LoaderFunctionArgs | ActionFunctionArgs) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: ({ resHeaders }) =>
      createApiContext({ deps: context.services.deps, request, resHeaders, ipAddress: context.clientIp, auth: context.auth }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") context.log.error("trpc.failed", { path: path ?? "?", error: error.cause ?? error });
    },
  });
}

export const loader = handle;
export const action = handle;
