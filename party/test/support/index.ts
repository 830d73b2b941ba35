// Test and benchmark support for the room server: real processes and a contract-exact web app.
export * from "./clients.ts";
export * from "./fake-web.ts";
export * from "./processes.ts";
export * from "./stack.ts";
export * from "./web-app.ts";
