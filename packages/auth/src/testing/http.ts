// Small request/response helpers shared by the fake providers.
import type { IncomingMessage, ServerResponse } from "node:http";

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Form or JSON body as flat string parameters (both are accepted by GitHub's token endpoint). */
export function parseParams(req: IncomingMessage, body: string): URLSearchParams {
  const type = req.headers["content-type"] ?? "";
  if (type.includes("application/json")) {
    const params = new URLSearchParams();
    try {
      for (const [k, v] of Object.entries(JSON.parse(body) as Record<string, unknown>)) {
        if (v !== undefined && v !== null) params.set(k, String(v));
      }
    } catch {
      // Unparseable JSON: no parameters, the endpoint then reports what is missing.
    }
    return params;
  }
  return new URLSearchParams(body);
}

/** Client credentials from HTTP Basic (client_secret_basic) or the body (client_secret_post). */
export function clientCredentials(
  req: IncomingMessage,
  params: URLSearchParams,
): { clientId: string; clientSecret: string } | null {
  const header = req.headers.authorization ?? "";
  if (header.startsWith("Basic ")) {
    const decoded = Buffer.from(header.slice(6), "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon === -1) return null;
    // Taken verbatim, as arctic sends them (RFC 6749 would form-encode each half first;
    // test credentials contain no characters where that differs).
    return { clientId: decoded.slice(0, colon), clientSecret: decoded.slice(colon + 1) };
  }
  const clientId = params.get("client_id");
  const clientSecret = params.get("client_secret");
  return clientId && clientSecret ? { clientId, clientSecret } : null;
}

/** The token of `Authorization: Bearer <t>` or GitHub's older `Authorization: token <t>`. */
export function bearerToken(req: IncomingMessage): string | null {
  const match = /^(?:Bearer|token)\s+(\S+)$/i.exec(req.headers.authorization ?? "");
  return match?.[1] ?? null;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...headers });
  res.end(JSON.stringify(body));
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8" });
  res.end(text);
}

export function redirect(res: ServerResponse, target: URL): void {
  res.writeHead(302, { Location: target.toString() });
  res.end();
}
