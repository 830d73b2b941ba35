// Zod 4 compiles object parsers with `new Function` when it may. Under our
// Content-Security-Policy (no 'unsafe-eval') its feature probe throws, which Zod catches,
// but the browser still reports a violation. Jitless mode skips the probe; parsing is the same.
// Imported first by root.tsx: Remix evaluates route modules before entry.client, and some
// parse while they load. Browser only: the server keeps the faster compiled parsers.
import { z } from "zod";

if (typeof document !== "undefined") z.config({ jitless: true });
