// The checks the portal runs in the candidate's browser before the Start button unlocks.
// Pure functions over what they are given (a window-like object, a fetch), so they can be
// tested without a browser and run unchanged in one.

export type CheckState = "pending" | "passed" | "warning" | "failed";

export interface CheckResult {
  id: "browser" | "server" | "websocket" | "sandbox";
  label: string;
  state: CheckState;
  detail: string;
}

/** What the interview room relies on; a browser missing any of these cannot run it. */
const REQUIRED_FEATURES: [string, (w: BrowserLike) => boolean][] = [
  ["fetch", (w) => typeof w.fetch === "function"],
  ["WebSocket", (w) => typeof w.WebSocket === "function"],
  ["ResizeObserver", (w) => typeof w.ResizeObserver === "function"],
  ["TextEncoder", (w) => typeof w.TextEncoder === "function"],
  ["crypto.getRandomValues", (w) => typeof w.crypto?.getRandomValues === "function"],
];

export interface BrowserLike {
  fetch?: unknown;
  WebSocket?: unknown;
  ResizeObserver?: unknown;
  TextEncoder?: unknown;
  crypto?: { getRandomValues?: unknown };
  innerWidth?: number;
}

export function checkBrowser(w: BrowserLike): CheckResult {
  const missing = REQUIRED_FEATURES.filter(([, present]) => !present(w)).map(([name]) => name);
  if (missing.length > 0) {
    return {
      id: "browser",
      label: "Browser",
      state: "failed",
      detail: `This browser lacks ${missing.join(", ")}. Use a current version of Chrome, Edge, Firefox or Safari.`,
    };
  }
  if ((w.innerWidth ?? 1280) < 1024) {
    return {
      id: "browser",
      label: "Browser",
      state: "warning",
      detail: "Supported, but the window is narrow. The editor, terminal and assistant fit best on a laptop or desktop screen.",
    };
  }
  return { id: "browser", label: "Browser", state: "passed", detail: "Supported." };
}

export interface SocketLike {
  addEventListener(type: "message" | "error" | "close", listener: () => void): void;
  close(): void;
}

const LIVE = { id: "websocket", label: "Live connection" } as const;

/**
 * Opens a WebSocket to the live-room server's connectivity check and waits for its answer:
 * proxies and firewalls that block WebSockets fail here, before the interview, not during it.
 */
export function checkLiveConnection(
  open: ((url: string) => SocketLike) | null,
  url: string,
  timeoutMs = 8000,
  clock: () => number = () => Date.now(),
): Promise<CheckResult> {
  if (!open) {
    return Promise.resolve({
      ...LIVE,
      state: "failed",
      detail: "WebSockets are not available. The live editor needs them; try another browser or turn off extensions that block them.",
    });
  }
  const started = clock();
  return new Promise((resolve) => {
    let settled = false;
    let socket: SocketLike | null = null;
    const finish = (result: CheckResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket?.close();
      resolve(result);
    };
    const blocked = (why: string): CheckResult => ({
      ...LIVE,
      state: "failed",
      detail: `${why} A firewall, proxy or browser extension may be blocking WebSockets; try another network or browser.`,
    });
    const timer = setTimeout(() => finish(blocked("The live connection did not answer in time.")), timeoutMs);
    try {
      socket = open(url);
    } catch {
      finish(blocked("The live connection could not be opened."));
      return;
    }
    socket.addEventListener("message", () => finish({ ...LIVE, state: "passed", detail: `Live connection answered in ${Math.max(0, clock() - started)} ms.` }));
    socket.addEventListener("error", () => finish(blocked("The live connection was refused.")));
    socket.addEventListener("close", () => finish(blocked("The live connection closed before answering.")));
  });
}

/** ws(s) URL of the rooms' connectivity check, from the rooms' public http(s) URL. */
export function liveCheckUrl(roomHost: string): string {
  return `${roomHost.replace(/^http/, "ws").replace(/\/$/, "")}/parties/check/portal`;
}

type FetchLike = (url: string, init: { cache: "no-store"; signal: AbortSignal }) => Promise<{ ok: boolean; json(): Promise<unknown> }>;

/** A round trip to the server; slow is a warning (the interview still works), unreachable fails. */
export async function checkServer(fetchImpl: FetchLike, url: string, timeoutMs = 8000, clock: () => number = () => Date.now()): Promise<CheckResult> {
  const started = clock();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetchImpl(url, { cache: "no-store", signal: controller.signal });
    const body = (await response.json().catch(() => null)) as { ok?: unknown } | null;
    if (!response.ok || body?.ok !== true) throw new Error("unexpected answer");
    const ms = Math.max(0, Math.round(clock() - started));
    return ms > 1500
      ? { id: "server", label: "Connection", state: "warning", detail: `Reached InterviewLM, but slowly (${ms} ms). A steadier network will feel smoother.` }
      : { id: "server", label: "Connection", state: "passed", detail: `Reached InterviewLM in ${ms} ms.` };
  } catch {
    return {
      id: "server",
      label: "Connection",
      state: "failed",
      detail: "Could not reach InterviewLM. Check your internet connection, VPN or firewall, then run the check again.",
    };
  } finally {
    clearTimeout(timer);
  }
}

const SANDBOX = { id: "sandbox", label: "Code sandbox" } as const;

/**
 * The server runs a real test in the sandbox the interview will use. Code that cannot run
 * fails the check (and Start stays disabled); the answer says what to do.
 */
export async function checkSandbox(fetchImpl: FetchLike, url: string, timeoutMs = 60_000): Promise<CheckResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetchImpl(url, { cache: "no-store", signal: controller.signal });
    const body = (await response.json().catch(() => null)) as { ok?: unknown; detail?: unknown } | null;
    const detail = typeof body?.detail === "string" ? body.detail : null;
    if (response.ok && body?.ok === true) return { ...SANDBOX, state: "passed", detail: detail ?? "Your code will run." };
    return { ...SANDBOX, state: "failed", detail: detail ?? "The coding sandbox did not answer. Run the check again in a minute." };
  } catch {
    return { ...SANDBOX, state: "failed", detail: "The coding sandbox did not answer in time. Run the check again in a minute; if it keeps failing, contact the company that invited you." };
  } finally {
    clearTimeout(timer);
  }
}

/** The Start button unlocks when nothing failed and nothing is still running. */
export function checksPassed(results: readonly CheckResult[]): boolean {
  return results.length > 0 && results.every((r) => r.state === "passed" || r.state === "warning");
}
