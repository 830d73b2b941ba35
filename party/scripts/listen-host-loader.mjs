// Module hooks for listen-host-hook.mjs: `miniflare` imported by partykit's CLI resolves to
// the wrapper below; the wrapper itself (and everyone else) gets the real module.
const WRAPPER = new URL("./miniflare-loopback.mjs", import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === "miniflare" && context.parentURL?.includes("/partykit/dist/bin.mjs")) {
    const real = await nextResolve(specifier, context);
    return { url: `${WRAPPER}?real=${encodeURIComponent(real.url)}`, shortCircuit: true };
  }
  // The wrapper re-exports the very module partykit would have had.
  if (specifier === "miniflare" && context.parentURL?.startsWith(WRAPPER)) {
    return { url: decodeURIComponent(new URL(context.parentURL).searchParams.get("real")), shortCircuit: true };
  }
  return nextResolve(specifier, context);
}
