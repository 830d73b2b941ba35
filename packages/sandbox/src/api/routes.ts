// URL layout of the sandbox service, shared by the service's router and the client.
// Every route but /healthz needs "Authorization: Bearer <service token>"; WebSocket routes
// also accept ?access_token=<token> (browsers and workerd cannot set headers on WebSockets).

const ws = (id: string) => `/v1/workspaces/${encodeURIComponent(id)}`;

export const ROUTES = {
  health: "/healthz",
  metrics: "/v1/metrics",
  workspaces: "/v1/workspaces",
  /** POST { language }: runs a known-good test in a throwaway workspace (see code-check.ts). */
  codeCheck: "/v1/checks/code",
  workspace: ws,
  resume: (id: string) => `${ws(id)}/resume`,
  suspend: (id: string) => `${ws(id)}/suspend`,
  snapshots: (id: string) => `${ws(id)}/snapshots`,
  restore: (id: string) => `${ws(id)}/restore`,
  files: (id: string) => `${ws(id)}/files`,
  /** GET / DELETE with ?path=; PUT with a JSON body. */
  file: (id: string) => `${ws(id)}/file`,
  rename: (id: string) => `${ws(id)}/rename`,
  exec: (id: string) => `${ws(id)}/exec`,
  tests: (id: string) => `${ws(id)}/tests`,
  /** WebSocket; ?cols=&rows= to open, &ptyId= to reattach. */
  pty: (id: string) => `${ws(id)}/pty`,
  /** WebSocket; file change batches. */
  events: (id: string) => `${ws(id)}/events`,
} as const;
