// Miniflare as partykit uses it, except that it listens on PARTYKIT_HOST (see listen-host-hook.mjs).
const real = await import(decodeURIComponent(new URL(import.meta.url).searchParams.get("real")));
const host = process.env.PARTYKIT_HOST || "127.0.0.1";

export * from "miniflare";
export class Miniflare extends real.Miniflare {
  constructor(options) {
    super({ ...options, host });
  }
  setOptions(options) {
    return super.setOptions({ ...options, host });
  }
}
