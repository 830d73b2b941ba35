import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { LanguageIdSchema } from "../api/schemas.ts";
import { SandboxError } from "../errors.ts";
import { requireSnapshotId, requireWorkspaceId } from "../ids.ts";
import { mountedPaths, runHostCommand } from "./host-commands.ts";

// Workspaces on disk, so they outlive the service process:
//   <dataDir>/workspaces/<id>/meta.json   language, sandbox uid, …
//   <dataDir>/workspaces/<id>/disk.img    ext4 image (storage "image"): the per-workspace disk
//                                         quota; loop-mounted at root/ while the workspace is used
//   <dataDir>/workspaces/<id>/root/       the files (mount point, or a plain directory)
//   <dataDir>/snapshots/<snapshotId>/     meta.json + disk.img (or files/)
// Its own filesystem also means no hard link from the workspace can reach a host file.

const WorkspaceMetaSchema = z.object({
  id: z.string(),
  language: LanguageIdSchema,
  label: z.string().nullable(),
  uid: z.number().int(),
  gid: z.number().int(),
  createdAt: z.string(),
  storage: z.enum(["image", "directory"]),
  diskBytes: z.number().int().nullable(),
});
export type WorkspaceMeta = z.infer<typeof WorkspaceMetaSchema>;

const SnapshotMetaSchema = z.object({ id: z.string(), workspaceId: z.string(), createdAt: z.string() });
export type SnapshotMeta = z.infer<typeof SnapshotMetaSchema>;

export interface WorkspaceStoreOptions {
  dataDir: string;
  /** Loop-mounted ext4 images (needs root, mkfs.ext4, loop devices); otherwise plain directories. */
  useImages: boolean;
  workspaceBytes: number;
  /** First uid handed to workspaces; each workspace gets its own. */
  uidBase: number;
  /** Files are chowned to the workspace uid (root only). */
  chown: boolean;
}

export class WorkspaceStore {
  readonly workspacesDir: string;
  readonly snapshotsDir: string;
  private readonly usedUids = new Set<number>();

  constructor(private readonly options: WorkspaceStoreOptions) {
    this.workspacesDir = path.join(options.dataDir, "workspaces");
    this.snapshotsDir = path.join(options.dataDir, "snapshots");
    fs.mkdirSync(this.workspacesDir, { recursive: true, mode: 0o711 });
    fs.chmodSync(this.workspacesDir, 0o711);
    fs.mkdirSync(this.snapshotsDir, { recursive: true, mode: 0o700 });
    for (const id of this.ids()) {
      const meta = this.tryLoad(id);
      if (meta) this.usedUids.add(meta.uid);
    }
  }

  ids(): string[] {
    return fs.readdirSync(this.workspacesDir).filter((name) => name.startsWith("ws_"));
  }

  rootOf(id: string): string {
    return path.join(this.workspacesDir, requireWorkspaceId(id), "root");
  }

  async create(input: { id: string; language: WorkspaceMeta["language"]; label: string | null }): Promise<WorkspaceMeta> {
    const uid = this.allocateUid();
    const meta: WorkspaceMeta = {
      ...input,
      uid,
      gid: uid,
      createdAt: new Date().toISOString(),
      storage: this.options.useImages ? "image" : "directory",
      diskBytes: this.options.useImages ? this.options.workspaceBytes : null,
    };
    const dir = path.join(this.workspacesDir, requireWorkspaceId(input.id));
    fs.mkdirSync(path.join(dir, "root"), { recursive: true, mode: 0o755 });
    fs.chmodSync(dir, 0o711);
    try {
      if (meta.storage === "image") {
        const image = path.join(dir, "disk.img");
        fs.writeFileSync(image, "", { mode: 0o600 });
        fs.truncateSync(image, this.options.workspaceBytes);
        await runHostCommand("mkfs.ext4", ["-q", "-F", "-m", "0", "-E", `root_owner=${uid}:${uid}`, image]);
        await this.mount(input.id);
        fs.rmdirSync(path.join(dir, "root", "lost+found"));
      } else if (this.options.chown) {
        fs.chownSync(path.join(dir, "root"), uid, uid);
      }
      fs.writeFileSync(path.join(dir, "meta.json"), JSON.stringify(meta), { mode: 0o600 });
    } catch (error) {
      await this.destroy(input.id).catch(() => undefined);
      this.usedUids.delete(uid);
      throw error;
    }
    return meta;
  }

  load(id: string): WorkspaceMeta {
    const meta = this.tryLoad(requireWorkspaceId(id));
    if (!meta) throw new SandboxError("WORKSPACE_NOT_FOUND", `workspace "${id}" does not exist`);
    return meta;
  }

  isMounted(id: string): boolean {
    return mountedPaths(fs.readFileSync("/proc/self/mountinfo", "utf8")).has(this.rootOf(id));
  }

  /** Makes the workspace's files available at rootOf(id); idempotent (a restarted service finds its mounts). */
  async mount(id: string): Promise<void> {
    const dir = path.join(this.workspacesDir, requireWorkspaceId(id));
    if (!fs.existsSync(path.join(dir, "disk.img")) || this.isMounted(id)) return;
    await runHostCommand("mount", ["-o", "loop,nosuid,nodev,noatime", path.join(dir, "disk.img"), path.join(dir, "root")]);
  }

  async unmount(id: string): Promise<void> {
    if (!this.isMounted(id)) return;
    try {
      await runHostCommand("umount", [this.rootOf(id)]);
    } catch {
      await runHostCommand("umount", ["-l", this.rootOf(id)]); // a dying terminal may still hold it
    }
  }

  async destroy(id: string): Promise<void> {
    const dir = path.join(this.workspacesDir, requireWorkspaceId(id));
    const meta = this.tryLoad(id);
    await this.unmount(id);
    for (const snapshot of this.snapshotsOf(id)) fs.rmSync(path.join(this.snapshotsDir, snapshot.id), { recursive: true, force: true });
    // Nothing is mounted any more, so a recursive delete cannot wander into another filesystem.
    fs.rmSync(dir, { recursive: true, force: true });
    if (meta) this.usedUids.delete(meta.uid);
  }

  async snapshot(id: string, snapshotId: string): Promise<SnapshotMeta> {
    const meta = this.load(id);
    const dir = path.join(this.snapshotsDir, requireSnapshotId(snapshotId));
    fs.mkdirSync(dir, { mode: 0o700 });
    try {
      if (meta.storage === "image") {
        await this.mount(id);
        // Freeze so the copy is consistent even while a terminal is writing.
        await runHostCommand("fsfreeze", ["-f", this.rootOf(id)]);
        try {
          await runHostCommand("cp", ["--sparse=always", path.join(this.workspacesDir, id, "disk.img"), path.join(dir, "disk.img")]);
        } finally {
          await runHostCommand("fsfreeze", ["-u", this.rootOf(id)]);
        }
      } else {
        // cp -a copies symlinks as symlinks; nothing is followed.
        await runHostCommand("cp", ["-a", "--", this.rootOf(id), path.join(dir, "files")]);
      }
      const snapshot: SnapshotMeta = { id: snapshotId, workspaceId: id, createdAt: new Date().toISOString() };
      fs.writeFileSync(path.join(dir, "meta.json"), JSON.stringify(snapshot), { mode: 0o600 });
      return snapshot;
    } catch (error) {
      fs.rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  }

  /** Replaces the files; the caller must have stopped everything running in the workspace. */
  async restore(id: string, snapshotId: string): Promise<void> {
    const meta = this.load(id);
    const snapshot = this.loadSnapshot(snapshotId);
    if (snapshot.workspaceId !== id) throw new SandboxError("SNAPSHOT_NOT_FOUND", `snapshot "${snapshotId}" does not belong to workspace "${id}"`);
    const source = path.join(this.snapshotsDir, snapshotId);
    if (meta.storage === "image") {
      await this.unmount(id);
      await runHostCommand("cp", ["--sparse=always", path.join(source, "disk.img"), path.join(this.workspacesDir, id, "disk.img")]);
      await this.mount(id);
    } else {
      const root = this.rootOf(id);
      const staged = `${root}.restore`;
      fs.rmSync(staged, { recursive: true, force: true });
      await runHostCommand("cp", ["-a", "--", path.join(source, "files"), staged]);
      fs.renameSync(root, `${root}.old`);
      fs.renameSync(staged, root);
      fs.rmSync(`${root}.old`, { recursive: true, force: true });
    }
  }

  loadSnapshot(snapshotId: string): SnapshotMeta {
    try {
      const text = fs.readFileSync(path.join(this.snapshotsDir, requireSnapshotId(snapshotId), "meta.json"), "utf8");
      return SnapshotMetaSchema.parse(JSON.parse(text));
    } catch (error) {
      if (error instanceof SandboxError) throw error;
      throw new SandboxError("SNAPSHOT_NOT_FOUND", `snapshot "${snapshotId}" does not exist`);
    }
  }

  private snapshotsOf(workspaceId: string): SnapshotMeta[] {
    return fs
      .readdirSync(this.snapshotsDir)
      .map((name) => {
        try {
          return this.loadSnapshot(name);
        } catch {
          return null;
        }
      })
      .filter((snapshot): snapshot is SnapshotMeta => snapshot?.workspaceId === workspaceId);
  }

  private tryLoad(id: string): WorkspaceMeta | null {
    try {
      return WorkspaceMetaSchema.parse(JSON.parse(fs.readFileSync(path.join(this.workspacesDir, id, "meta.json"), "utf8")));
    } catch {
      return null;
    }
  }

  private allocateUid(): number {
    let uid = this.options.uidBase;
    while (this.usedUids.has(uid)) uid += 1;
    this.usedUids.add(uid);
    return uid;
  }
}
