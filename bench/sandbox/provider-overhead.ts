import type { SandboxClient } from "@interviewlm/sandbox/client";
import { PYTHON_SUITE, TYPESCRIPT_SUITE } from "@interviewlm/sandbox/fixtures";
import { median, ms, percentile, timed } from "./stats.ts";

// The same operations on two services — one on the local provider, one on the Modal provider —
// in alternating rounds, so both see the same machine load. Rows: operation, medians and p99s,
// modal/local ratios.

interface Operation {
  name: string;
  language: "python" | "typescript";
  run(client: SandboxClient, workspaceId: string): Promise<unknown>;
}

const payload = "x".repeat(16 * 1024);

const OPERATIONS: Operation[] = [
  { name: "exec `true`", language: "python", run: (client, id) => client.exec(id, { command: ["true"] }) },
  { name: "write + read a 16 KB file", language: "python", run: async (client, id) => client.readFile(id, (await client.writeFile(id, "bench.txt", payload)).path) },
  { name: "list files", language: "python", run: (client, id) => client.listFiles(id) },
  { name: "5-test Python suite", language: "python", run: (client, id) => client.runTests(id) },
  { name: "5-test TypeScript suite", language: "typescript", run: (client, id) => client.runTests(id) },
];

export async function providerOverhead(local: SandboxClient, modal: SandboxClient, rounds: number): Promise<(string | number)[][]> {
  const workspaces = new Map<SandboxClient, Record<"python" | "typescript", string>>();
  for (const client of [local, modal]) {
    const python = await client.createWorkspace({ language: "python", files: PYTHON_SUITE.files });
    const typescript = await client.createWorkspace({ language: "typescript", files: TYPESCRIPT_SUITE.files });
    workspaces.set(client, { python: python.id, typescript: typescript.id });
  }
  const rows: (string | number)[][] = [];
  try {
    for (const operation of OPERATIONS) {
      const samples = new Map<SandboxClient, number[]>([
        [local, []],
        [modal, []],
      ]);
      for (let round = -3; round < rounds; round += 1) {
        for (const client of [local, modal]) {
          const took = await timed(() => operation.run(client, workspaces.get(client)![operation.language]));
          if (round >= 0) samples.get(client)!.push(took); // the first three rounds warm up
        }
      }
      const [l, m] = [samples.get(local)!, samples.get(modal)!];
      rows.push([operation.name, ms(median(l)), ms(percentile(l, 99)), ms(median(m)), ms(percentile(m, 99)), (median(m) / median(l)).toFixed(2), (percentile(m, 99) / percentile(l, 99)).toFixed(2)]);
    }
  } finally {
    for (const [client, ids] of workspaces) for (const id of Object.values(ids)) await client.destroyWorkspace(id).catch(() => undefined);
  }
  return rows;
}
