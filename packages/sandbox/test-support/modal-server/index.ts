// A local server speaking Modal's gRPC API, with real bubblewrap sandboxes behind it (test support only).
export { ModalTestServer, type ModalTestServerOptions } from "./server.ts";
export { Faults } from "./faults.ts";
