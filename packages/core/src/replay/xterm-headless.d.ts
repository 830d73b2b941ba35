// Types of @xterm/headless's ESM build, imported by path (see headless-terminal.ts).
declare module "@xterm/headless/lib-headless/xterm-headless.mjs" {
  export * from "@xterm/headless";
}
