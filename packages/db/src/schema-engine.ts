// Prisma's migration engine compiled to WebAssembly. The Prisma CLI insists on
// downloading a native engine, which this project cannot do offline, so migrations
// are created and applied through this engine and a driver adapter instead.
// Node 20 cannot `import` a .wasm module without a flag, so the module is
// instantiated by hand, exactly as the package's own entry point would do it.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";

type Bindings = typeof bindings & { __wbg_set_wasm(wasm: WebAssembly.Exports): void };

let loading: Promise<void> | undefined;

function loadWasm(): Promise<void> {
  loading ??= (async () => {
    const require = createRequire(import.meta.url);
    const entry = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(entry.replace(/schema_engine_bg\.js$/, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bindings });
    (bindings as Bindings).__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return loading;
}

export interface OpenedSchemaEngine {
  engine: SchemaEngine;
  /** Frees the engine and closes every connection it opened. */
  close(): Promise<void>;
}

export async function openSchemaEngine(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  schema?: { path: string; content: string },
): Promise<OpenedSchemaEngine> {
  await loadWasm();
  // The engine never disposes the connections it asks for, and one of them holds
  // Prisma's migration advisory lock until it closes; track them to close them.
  const opened: SqlDriverAdapter[] = [];
  const tracking: SqlMigrationAwareDriverAdapterFactory = {
    provider: adapterFactory.provider,
    adapterName: adapterFactory.adapterName,
    connect: async () => remember(await adapterFactory.connect()),
    connectToShadowDb: async () => remember(await adapterFactory.connectToShadowDb()),
  };
  function remember(adapter: SqlDriverAdapter) {
    opened.push(adapter);
    return adapter;
  }
  const log = () => {};
  const engine = await bindings.SchemaEngine.new(
    { datamodels: schema ? [[schema.path, schema.content]] : undefined },
    log,
    bindMigrationAwareSqlAdapterFactory(tracking),
  );
  return {
    engine,
    async close() {
      engine.free();
      await Promise.allSettled(opened.map((adapter) => adapter.dispose()));
    },
  };
}

export const noSchemaFilter = { externalTables: [], externalEnums: [] };
