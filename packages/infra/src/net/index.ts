import { createServer } from "node:net";

/**
 * A TCP port free on 127.0.0.1 right now (the OS picks it), for a test or benchmark server that
 * must be told its port before it starts. Another process may take it in between; the callers
 * start their server at once and treat "address in use" as a failure worth reporting.
 */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("the OS gave no port"))));
    });
  });
}
