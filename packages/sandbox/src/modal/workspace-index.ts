import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { LanguageIdSchema } from "../api/schemas.ts";
import { SandboxError } from "../errors.ts";
import { requireWorkspaceId } from "../ids.ts";

// What the Modal provider must remember about a workspace between service restarts: Modal
// can look a running sandbox up by id, but a terminated one (idle timeout, suspend) is only
// reachable through the id we kept, and our snapshot ids map to Modal image ids.
// One JSON file per workspace under <dataDir>/modal-workspaces/.

const WorkspaceRecordSchema = z.object({
  id: z.string(),
  language: LanguageIdSchema,
  label: z.string().nullable(),
  createdAt: z.string(),
  sandboxId: z.string(),
  /** Filesystem image taken when the workspace was last suspended on purpose. */
  suspendImageId: z.string().nullable(),
  snapshots: z.array(z.object({ id: z.string(), imageId: z.string(), createdAt: z.string() })),
});
export type WorkspaceRecord = z.infer<typeof WorkspaceRecordSchema>;

export class WorkspaceIndex {
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, "modal-workspaces");
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
  }

  load(id: string): WorkspaceRecord {
    try {
      return WorkspaceRecordSchema.parse(JSON.parse(fs.readFileSync(this.file(id), "utf8")));
    } catch (error) {
      if (error instanceof SandboxError) throw error;
      throw new SandboxError("WORKSPACE_NOT_FOUND", `workspace "${id}" does not exist`);
    }
  }

  exists(id: string): boolean {
    return fs.existsSync(this.file(id));
  }

  save(record: WorkspaceRecord): void {
    const temp = `${this.file(record.id)}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(record), { mode: 0o600 });
    fs.renameSync(temp, this.file(record.id));
  }

  remove(id: string): void {
    fs.rmSync(this.file(id), { force: true });
  }

  private file(id: string): string {
    return path.join(this.dir, `${requireWorkspaceId(id)}.json`);
  }
}
