// The web process: Express serving Remix (Vite middleware in development, the built
// app in production), with the services every request needs in its load context.
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import morgan from "morgan";
import { readWebEnv } from "./env.ts";
import { startServices } from "./services.ts";

const env = readWebEnv();
const services = await startServices(env);
const isProduction = env.NODE_ENV === "production";

const vite = isProduction
  ? undefined
  : await import("vite").then((v) =>
      v.createServer({ root: new URL("..", import.meta.url).pathname, server: { middlewareMode: true } }),
    );

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", env.TRUST_PROXY);
app.use(compression());

if (vite) {
  app.use(vite.middlewares);
} else {
  const client = new URL("../build/client", import.meta.url).pathname;
  app.use("/assets", express.static(`${client}/assets`, { immutable: true, maxAge: "1y" }));
  app.use(express.static(client, { maxAge: "1h" }));
}
app.use(morgan(isProduction ? "combined" : "dev", { skip: (req) => req.url.startsWith("/assets/") || req.url.startsWith("/@") }));

const build = vite
  ? () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>
  : ((await import(new URL("../build/server/index.js", import.meta.url).href)) as ServerBuild);

app.all(
  "*",
  createRequestHandler({
    build,
    mode: env.NODE_ENV,
    getLoadContext: (req) => ({ services, clientIp: req.ip ?? null }),
  }),
);

const server = app.listen(env.PORT, env.HOST, () => {
  console.info(`InterviewLM is running at ${env.APP_URL}  (listening on ${env.HOST}:${env.PORT})`);
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.info(`${signal}: shutting down`);
  server.close();
  await vite?.close();
  await services.stop();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
