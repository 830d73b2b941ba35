import { createServer } from "node:net";
import { expect, it } from "vitest";
import { freePort } from "./index.ts";

it("finds a port a server can listen on at once", async () => {
  const port = await freePort();
  expect(port).toBeGreaterThan(0);
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, "127.0.0.1", resolve));
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
