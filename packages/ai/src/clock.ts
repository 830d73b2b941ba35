// Durations for usage records. workerd (the rooms) has no performance.now at the rooms'
// compatibility date, and its clocks only advance on I/O anyway; Date.now is enough there.
export function now(): number {
  return typeof globalThis.performance?.now === "function" ? globalThis.performance.now() : Date.now();
}
