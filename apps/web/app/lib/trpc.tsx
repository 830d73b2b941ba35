// The browser's tRPC client (React Query), for interactive screens that should not
// reload the page. Forms that work without JavaScript use Remix actions instead.
import type { AppRouter } from "@interviewlm/api";
import { newRequestId, REQUEST_ID_HEADER } from "@interviewlm/infra/log";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { httpBatchLink } from "@trpc/client";
import { createTRPCReact } from "@trpc/react-query";
import { useState, type ReactNode } from "react";
import superjson from "superjson";

export const trpc = createTRPCReact<AppRouter>();

export function TRPCProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 10_000, retry: 1 } } }),
  );
  const [client] = useState(() =>
    trpc.createClient({
      // Each call carries its own id: the web app logs with it and passes it to the sandbox service.
      links: [httpBatchLink({ url: "/api/trpc", transformer: superjson, headers: () => ({ [REQUEST_ID_HEADER]: newRequestId() }) })],
    }),
  );
  return (
    <trpc.Provider client={client} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </trpc.Provider>
  );
}
