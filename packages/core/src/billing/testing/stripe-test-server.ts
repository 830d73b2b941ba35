// A local server speaking Stripe's REST wire protocol for the calls the product makes
// (customers, checkout sessions, invoices): bearer key, Stripe-Version header, form-encoded
// bodies with bracketed keys, Idempotency-Key replay, `expand[]`, and Stripe's error objects.
// It also plays the hosted Checkout page and sends webhooks signed exactly as Stripe signs
// them (stripe-node's generateTestHeaderString). Tests only: product code is unchanged and
// reaches it through STRIPE_API_URL (host, port, protocol).
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

type Obj = Record<string, unknown>;

export interface StripeTestServer {
  url: string;
  /** Where webhooks go (the app's /webhooks/stripe); settable after start. */
  webhookUrl: string | null;
  readonly requests: { method: string; path: string; idempotencyKey: string | null; stripeVersion: string | null }[];
  session(id: string): Obj | undefined;
  sessions(): Obj[];
  /** Pays the session as the hosted page would (status complete, invoice, charge). */
  completeSession(id: string, opts?: { paymentStatus?: "paid" | "unpaid" }): Obj;
  /** The async payment of an `unpaid` completed session clears. */
  succeedAsyncPayment(id: string): Obj;
  /** Refunds `amount` cents more of the session's charge; returns the charge. */
  refund(sessionId: string, amount: number): Obj;
  /** A signed event as Stripe would deliver it. */
  signedEvent(type: string, object: Obj, opts?: { secret?: string }): { id: string; payload: string; signature: string };
  /** POSTs a signed event to webhookUrl; returns the HTTP status. */
  deliver(event: { payload: string; signature: string }): Promise<number>;
  /**
   * When true, the hosted page's Pay keeps its webhook until `releaseHeldWebhooks()`, as Stripe
   * does when its delivery arrives after the buyer is back on the site (the default delivers
   * before the redirect).
   */
  holdWebhooks: boolean;
  /** A customer as Stripe holds it (`{ id, object, deleted: true }` once deleted). */
  customer(id: string): Obj | undefined;
  /** While true, every API request answers 500 `api_error`, as during a Stripe incident. */
  outage: boolean;
  /** Delivers the held webhooks in order; returns their HTTP statuses. */
  releaseHeldWebhooks(): Promise<number[]>;
  close(): Promise<void>;
}

const newId = (prefix: string) => `${prefix}_test_${randomBytes(12).toString("hex")}`;

/** Stripe's bracket form encoding (`a[b][0][c]=1`) back into objects and arrays. */
export function decodeStripeForm(body: string): Obj {
  const root: Obj = {};
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const parts = rawKey.replace(/\]/g, "").split("[");
    let node: Obj = root;
    parts.forEach((part, i) => {
      const key = part === "" ? String(Object.keys(node).length) : part;
      if (i === parts.length - 1) node[key] = value;
      else node = (node[key] ??= {}) as Obj;
    });
  }
  return arraysFromIndexes(root) as Obj;
}

function arraysFromIndexes(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  const entries = Object.entries(value as Obj).map(([k, v]) => [k, arraysFromIndexes(v)] as const);
  if (entries.length > 0 && entries.every(([k], i) => k === String(i))) return entries.map(([, v]) => v);
  return Object.fromEntries(entries);
}

class StripeError extends Error {
  constructor(
    readonly status: number,
    readonly body: { type: string; message: string; param?: string; code?: string },
  ) {
    super(body.message);
  }
}

const missing = (param: string) => new StripeError(400, { type: "invalid_request_error", code: "parameter_missing", param, message: `Missing required param: ${param}.` });
const noSuch = (kind: string, id: string, param?: string) =>
  new StripeError(param ? 400 : 404, { type: "invalid_request_error", code: "resource_missing", ...(param ? { param } : {}), message: `No such ${kind}: '${id}'` });

export async function startStripeTestServer(opts: { secretKey: string; webhookSecret: string; webhookUrl?: string }): Promise<StripeTestServer> {
  const signer = new Stripe(opts.secretKey);
  const store = { customers: new Map<string, Obj>(), sessions: new Map<string, Obj>(), invoices: new Map<string, Obj>(), intents: new Map<string, Obj>(), charges: new Map<string, Obj>() };
  const idempotent = new Map<string, { params: string; status: number; body: string }>();
  const requests: StripeTestServer["requests"] = [];
  let base = "";
  const now = () => Math.floor(Date.now() / 1000);

  function createCustomer(p: Obj): Obj {
    const customer = { id: newId("cus"), object: "customer", name: p.name ?? null, email: p.email ?? null, metadata: p.metadata ?? {}, created: now(), livemode: false };
    store.customers.set(customer.id, customer);
    return customer;
  }

  function createSession(p: Obj): Obj {
    if (p.mode !== "payment") throw new StripeError(400, { type: "invalid_request_error", param: "mode", message: "This test server sells one-time payments only (mode=payment)." });
    if (!p.success_url) throw missing("success_url");
    const items = p.line_items as Obj[] | undefined;
    if (!items?.length) throw missing("line_items");
    if (typeof p.customer === "string" && !store.customers.has(p.customer)) throw noSuch("customer", p.customer, "customer");
    let amount = 0;
    let currency = "";
    for (const [i, item] of items.entries()) {
      const price = item.price_data as Obj | undefined;
      if (!price?.currency || !price.unit_amount) throw missing(`line_items[${i}][price_data]`);
      amount += Number(price.unit_amount) * Number(item.quantity ?? 1);
      currency = String(price.currency);
    }
    const id = newId("cs");
    const session = {
      id,
      object: "checkout.session",
      mode: "payment",
      status: "open",
      payment_status: "unpaid",
      amount_subtotal: amount,
      amount_total: amount,
      currency,
      customer: p.customer ?? null,
      client_reference_id: p.client_reference_id ?? null,
      metadata: p.metadata ?? {},
      invoice_creation: p.invoice_creation ?? null,
      tax_id_collection: p.tax_id_collection ?? null,
      success_url: p.success_url,
      cancel_url: p.cancel_url ?? null,
      url: `${base}/checkout/${id}`,
      invoice: null,
      payment_intent: null,
      created: now(),
      livemode: false,
    };
    store.sessions.set(id, session);
    return session;
  }

  function expand(object: Obj, paths: string[]): Obj {
    const copy = structuredClone(object);
    for (const path of paths) {
      let node: Obj = copy;
      for (const field of path.split(".")) {
        const value = node[field];
        if (typeof value !== "string") break;
        const found = [store.invoices, store.intents, store.charges, store.customers].map((m) => m.get(value)).find(Boolean);
        if (!found) break;
        node[field] = structuredClone(found);
        node = node[field] as Obj;
      }
    }
    return copy;
  }

  function requireSession(id: string): Obj {
    const session = store.sessions.get(id);
    if (!session) throw noSuch("checkout.session", id);
    return session;
  }

  function pay(session: Obj, paid: boolean) {
    const charge = { id: newId("ch"), object: "charge", amount: session.amount_total, amount_refunded: 0, refunded: false, currency: session.currency, payment_intent: "", receipt_url: "", paid };
    const intent = { id: newId("pi"), object: "payment_intent", amount: session.amount_total, currency: session.currency, status: paid ? "succeeded" : "processing", latest_charge: charge.id, metadata: session.metadata };
    charge.payment_intent = intent.id;
    charge.receipt_url = `${base}/receipts/${charge.id}`;
    store.charges.set(charge.id, charge);
    store.intents.set(intent.id, intent);
    session.payment_intent = intent.id;
    if ((session.invoice_creation as Obj | null)?.enabled === "true") {
      const invoice = { id: newId("in"), object: "invoice", customer: session.customer, status: paid ? "paid" : "open", amount_paid: paid ? session.amount_total : 0, currency: session.currency, hosted_invoice_url: "", invoice_pdf: "", metadata: session.metadata };
      invoice.hosted_invoice_url = `${base}/invoices/${invoice.id}`;
      invoice.invoice_pdf = `${base}/invoices/${invoice.id}.pdf`;
      store.invoices.set(invoice.id, invoice);
      session.invoice = invoice.id;
    }
  }

  const api = async (method: string, path: string, params: Obj, query: URLSearchParams): Promise<Obj> => {
    const expandPaths = [...query.getAll("expand[]"), ...((params.expand as string[] | undefined) ?? []), ...[...query.entries()].filter(([k]) => /^expand\[\d+\]$/.test(k)).map(([, v]) => v)];
    let m: RegExpMatchArray | null;
    if (method === "POST" && path === "/v1/customers") return createCustomer(params);
    if (method === "GET" && (m = path.match(/^\/v1\/customers\/([\w]+)$/))) {
      const customer = store.customers.get(m[1]!);
      if (!customer) throw noSuch("customer", m[1]!);
      return customer;
    }
    if (method === "DELETE" && (m = path.match(/^\/v1\/customers\/([\w]+)$/))) {
      const customer = store.customers.get(m[1]!);
      // Stripe answers a second deletion as it answers an unknown id.
      if (!customer || customer.deleted) throw noSuch("customer", m[1]!);
      const deleted = { id: customer.id, object: "customer", deleted: true };
      store.customers.set(m[1]!, deleted);
      return deleted;
    }
    if (method === "POST" && path === "/v1/checkout/sessions") return expand(createSession(params), expandPaths);
    if (method === "GET" && (m = path.match(/^\/v1\/checkout\/sessions\/([\w]+)$/))) return expand(requireSession(m[1]!), expandPaths);
    if (method === "GET" && (m = path.match(/^\/v1\/invoices\/([\w]+)$/))) {
      const invoice = store.invoices.get(m[1]!);
      if (!invoice) throw noSuch("invoice", m[1]!);
      return expand(invoice, expandPaths);
    }
    throw new StripeError(404, { type: "invalid_request_error", message: `Unrecognized request URL (${method}: ${path}).` });
  };

  const send = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json", "request-id": `req_${randomBytes(7).toString("hex")}`, ...headers });
    res.end(body);
  };

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL, body: string) {
    const method = req.method ?? "GET";
    const idempotencyKey = (req.headers["idempotency-key"] as string | undefined) ?? null;
    const stripeVersion = (req.headers["stripe-version"] as string | undefined) ?? null;
    requests.push({ method, path: url.pathname, idempotencyKey, stripeVersion });
    if (req.headers.authorization !== `Bearer ${opts.secretKey}`) {
      return send(res, 401, JSON.stringify({ error: { type: "invalid_request_error", message: "Invalid API Key provided." } }));
    }
    if (server.outage) return send(res, 500, JSON.stringify({ error: { type: "api_error", message: "An unknown error occurred (test server outage)." } }));
    if (!stripeVersion) return send(res, 400, JSON.stringify({ error: { type: "invalid_request_error", message: "Missing Stripe-Version header." } }));
    if (method === "POST" && !String(req.headers["content-type"]).startsWith("application/x-www-form-urlencoded")) {
      return send(res, 400, JSON.stringify({ error: { type: "invalid_request_error", message: "Request bodies must be form-encoded." } }));
    }
    const cacheKey = idempotencyKey && method === "POST" ? `${url.pathname} ${idempotencyKey}` : null;
    const cached = cacheKey ? idempotent.get(cacheKey) : undefined;
    if (cached) {
      if (cached.params !== body) {
        return send(res, 400, JSON.stringify({ error: { type: "idempotency_error", message: `Keys for idempotent requests can only be used with the same parameters they were first used with.` } }));
      }
      return send(res, cached.status, cached.body, { "idempotent-replayed": "true" });
    }
    let status = 200;
    let out: string;
    try {
      out = JSON.stringify(await api(method, url.pathname, method === "POST" ? decodeStripeForm(body) : {}, url.searchParams));
    } catch (error) {
      if (!(error instanceof StripeError)) throw error;
      status = error.status;
      out = JSON.stringify({ error: error.body });
    }
    if (cacheKey) idempotent.set(cacheKey, { params: body, status, body: out });
    send(res, status, out);
  }

  const heldWebhooks: { payload: string; signature: string }[] = [];
  const server: StripeTestServer = {
    url: "",
    holdWebhooks: false,
    outage: false,
    customer: (id) => structuredClone(store.customers.get(id)),
    async releaseHeldWebhooks() {
      const statuses: number[] = [];
      for (const event of heldWebhooks.splice(0)) statuses.push(await server.deliver(event));
      return statuses;
    },
    webhookUrl: opts.webhookUrl ?? null,
    requests,
    session: (id) => store.sessions.get(id),
    sessions: () => [...store.sessions.values()],
    completeSession(id, o = {}) {
      const session = requireSession(id);
      const paid = (o.paymentStatus ?? "paid") === "paid";
      if (session.status !== "complete") pay(session, paid);
      session.status = "complete";
      session.payment_status = paid ? "paid" : "unpaid";
      return structuredClone(session);
    },
    succeedAsyncPayment(id) {
      const session = requireSession(id);
      session.payment_status = "paid";
      const intent = store.intents.get(String(session.payment_intent));
      if (intent) intent.status = "succeeded";
      const invoice = store.invoices.get(String(session.invoice));
      if (invoice) Object.assign(invoice, { status: "paid", amount_paid: session.amount_total });
      return structuredClone(session);
    },
    refund(sessionId, amount) {
      const intent = store.intents.get(String(requireSession(sessionId).payment_intent));
      const charge = intent && store.charges.get(String(intent.latest_charge));
      if (!charge) throw new Error(`session ${sessionId} has no charge to refund`);
      charge.amount_refunded = Math.min(Number(charge.amount), Number(charge.amount_refunded) + amount);
      charge.refunded = charge.amount_refunded === charge.amount;
      return structuredClone(charge);
    },
    signedEvent(type, object, o = {}) {
      const id = newId("evt");
      const payload = JSON.stringify({ id, object: "event", api_version: Stripe.API_VERSION, created: now(), type, livemode: false, pending_webhooks: 1, request: { id: null, idempotency_key: null }, data: { object } }, null, 2);
      return { id, payload, signature: signer.webhooks.generateTestHeaderString({ payload, secret: o.secret ?? opts.webhookSecret }) };
    },
    async deliver(event) {
      if (!server.webhookUrl) throw new Error("webhookUrl is not set");
      const response = await fetch(server.webhookUrl, { method: "POST", headers: { "content-type": "application/json", "stripe-signature": event.signature }, body: event.payload });
      await response.arrayBuffer();
      return response.status;
    },
    close: () => new Promise((resolve) => http.close(() => resolve())),
  };

  const http = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", base);
      const body = Buffer.concat(chunks).toString("utf8");
      const page = url.pathname.startsWith("/v1/") ? handleApi(req, res, url, body) : hostedPages(req, res, url);
      page.catch((error: unknown) => send(res, 500, JSON.stringify({ error: { type: "api_error", message: String(error) } })));
    });
  });

  /** The hosted Checkout page (Pay / Cancel), hosted invoices and receipts. */
  async function hostedPages(req: IncomingMessage, res: ServerResponse, url: URL) {
    const html = (status: number, title: string, content: string) => {
      res.writeHead(status, { "content-type": "text/html; charset=utf-8" });
      res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1>${content}</main></body></html>`);
    };
    let m: RegExpMatchArray | null;
    if ((m = url.pathname.match(/^\/checkout\/([\w]+)(\/pay)?$/))) {
      const session = store.sessions.get(m[1]!);
      if (!session) return html(404, "Checkout not found", "");
      const price = `${(Number(session.amount_total) / 100).toFixed(2)} ${String(session.currency).toUpperCase()}`;
      if (req.method === "POST" && m[2]) {
        const completed = server.completeSession(session.id as string);
        const event = server.signedEvent("checkout.session.completed", completed);
        if (server.holdWebhooks) heldWebhooks.push(event);
        else if (server.webhookUrl) await server.deliver(event);
        res.writeHead(303, { location: String(session.success_url).replace("{CHECKOUT_SESSION_ID}", String(session.id)) });
        return res.end();
      }
      return html(200, "Test checkout", `<p>Pay ${price} (test mode: no card needed).</p><form method="post" action="/checkout/${String(session.id)}/pay"><button type="submit">Pay ${price}</button></form>${session.cancel_url ? `<p><a href="${String(session.cancel_url)}">Cancel</a></p>` : ""}`);
    }
    if ((m = url.pathname.match(/^\/invoices\/([\w]+)/))) {
      const invoice = store.invoices.get(m[1]!);
      return invoice ? html(200, `Invoice ${String(invoice.id)}`, `<p>Status: ${String(invoice.status)}</p>`) : html(404, "Invoice not found", "");
    }
    if ((m = url.pathname.match(/^\/receipts\/([\w]+)$/))) {
      const charge = store.charges.get(m[1]!);
      return charge ? html(200, `Receipt ${String(charge.id)}`, `<p>Amount: ${String(charge.amount)}</p>`) : html(404, "Receipt not found", "");
    }
    html(404, "Not found", "");
  }

  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  server.url = base;
  return server;
}
