// Loaded with `node --import` before partykit's CLI: makes Miniflare listen on PARTYKIT_HOST
// (default 127.0.0.1) instead of the 0.0.0.0 that partykit 0.0.115 hard-codes. It swaps the
// `miniflare` module partykit imports for one whose Miniflare overrides only `host`.
import { register } from "node:module";

register(new URL("./listen-host-loader.mjs", import.meta.url));
