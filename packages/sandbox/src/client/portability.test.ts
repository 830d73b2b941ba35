import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

// The client must run in browsers and in Cloudflare workerd (the PartyKit room): bundling it
// for the browser fails if anything in its import graph needs a Node built-in.
describe("the sandbox client", () => {
  it("bundles for the browser without any Node built-in", async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL("./index.ts", import.meta.url))],
      bundle: true,
      platform: "browser",
      format: "esm",
      write: false,
      logLevel: "silent",
      metafile: true,
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((input) => input.includes("/local/") || input.includes("/modal/"))).toBe(false);
    expect(result.outputFiles[0]?.text).toContain("createSandboxClient");
  });
});
