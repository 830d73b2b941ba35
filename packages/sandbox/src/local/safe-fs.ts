import fs from "node:fs";
import type { FileEntry } from "../api/schemas.ts";
import { SandboxError } from "../errors.ts";
import { splitWorkspacePath } from "../workspace-path.ts";

// Host-side access to a workspace that sandboxed code can change at any moment. Every path is
// walked one component at a time through directory descriptors: each step opens
// "/proc/self/fd/<dir>/<name>" with O_NOFOLLOW, which resolves <name> inside the directory we
// already hold (an openat() that Node lacks). A symlink anywhere on the path fails with ELOOP,
// and swapping a directory for a link between two steps changes nothing we already hold.
const { O_RDONLY, O_WRONLY, O_CREAT, O_EXCL, O_DIRECTORY, O_NOFOLLOW, O_NONBLOCK } = fs.constants;
const MAX_LISTED_ENTRIES = 5000;

const at = (dirFd: number, name?: string): string => (name === undefined ? `/proc/self/fd/${dirFd}` : `/proc/self/fd/${dirFd}/${name}`);

export interface Owner {
  uid: number;
  gid: number;
}

export interface ScannedEntry extends FileEntry {
  /** Differs whenever content or metadata changed (full-precision mtime/ctime, size, inode). */
  changeKey: string;
}

export class WorkspaceFs {
  constructor(
    private readonly root: string,
    private readonly owner: Owner | null,
    private readonly maxFileBytes: number,
  ) {}

  list(): ScannedEntry[] {
    const entries: ScannedEntry[] = [];
    const rootFd = this.openRoot();
    try {
      this.walk(rootFd, "", entries);
    } finally {
      fs.closeSync(rootFd);
    }
    return entries;
  }

  read(path: string): { content: Uint8Array; entry: FileEntry } {
    return this.inParent(path, false, (dirFd, name, normalized) => {
      let fd: number;
      try {
        fd = fs.openSync(at(dirFd, name), O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
      } catch (error) {
        throw translate(error, normalized);
      }
      try {
        const stat = fs.fstatSync(fd);
        if (!stat.isFile()) throw new SandboxError("NOT_A_FILE", `"${normalized}" is not a regular file`);
        if (stat.size > this.maxFileBytes) {
          throw new SandboxError("FILE_TOO_LARGE", `"${normalized}" is ${stat.size} bytes; the file API reads at most ${this.maxFileBytes}`);
        }
        const buffer = fs.readFileSync(fd);
        const content = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength); // a plain view, not a Buffer
        return { content, entry: toEntry(normalized, stat) };
      } finally {
        fs.closeSync(fd);
      }
    });
  }

  write(path: string, content: Uint8Array): FileEntry {
    if (content.byteLength > this.maxFileBytes) {
      throw new SandboxError("FILE_TOO_LARGE", `"${path.slice(0, 200)}" is ${content.byteLength} bytes; the file API accepts at most ${this.maxFileBytes}`);
    }
    return this.inParent(path, true, (dirFd, name, normalized) => {
      let mode = 0o644;
      try {
        const existing = fs.lstatSync(at(dirFd, name));
        if (existing.isDirectory()) throw new SandboxError("NOT_A_FILE", `"${normalized}" is a directory`);
        if (existing.isFile()) mode = existing.mode & 0o777;
      } catch (error) {
        if (error instanceof SandboxError) throw error;
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw translate(error, normalized);
      }
      // Write beside the target and rename over it: readers never see half a file, and a
      // symlink at the target is replaced, not followed.
      const temp = `.${name.slice(0, 200)}.${process.pid}.${Date.now()}.tmp`;
      try {
        const fd = fs.openSync(at(dirFd, temp), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, mode);
        try {
          fs.writeFileSync(fd, content);
          if (this.owner) fs.fchownSync(fd, this.owner.uid, this.owner.gid);
          fs.fchmodSync(fd, mode);
        } finally {
          fs.closeSync(fd);
        }
        fs.renameSync(at(dirFd, temp), at(dirFd, name));
      } catch (error) {
        try {
          fs.unlinkSync(at(dirFd, temp));
        } catch {
          // never created
        }
        throw translate(error, normalized);
      }
      return toEntry(normalized, fs.lstatSync(at(dirFd, name)));
    });
  }

  remove(path: string): void {
    this.inParent(path, false, (dirFd, name, normalized) => {
      let stat: fs.Stats;
      try {
        stat = fs.lstatSync(at(dirFd, name));
      } catch (error) {
        throw translate(error, normalized);
      }
      if (stat.isDirectory()) removeTree(dirFd, name);
      else fs.unlinkSync(at(dirFd, name));
    });
  }

  rename(from: string, to: string): void {
    this.inParent(from, false, (fromDirFd, fromName, fromPath) => {
      try {
        fs.lstatSync(at(fromDirFd, fromName));
      } catch (error) {
        throw translate(error, fromPath);
      }
      this.inParent(to, true, (toDirFd, toName, toPath) => {
        if (`${toPath}/`.startsWith(`${fromPath}/`)) throw new SandboxError("INVALID_PATH", `cannot move "${fromPath}" into itself`);
        if (exists(at(toDirFd, toName))) throw new SandboxError("ALREADY_EXISTS", `"${toPath}" already exists`);
        try {
          fs.renameSync(at(fromDirFd, fromName), at(toDirFd, toName));
        } catch (error) {
          throw translate(error, toPath);
        }
      });
    });
  }

  private openRoot(): number {
    try {
      return fs.openSync(this.root, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
    } catch (error) {
      throw new SandboxError("PROVIDER_FAILURE", `workspace storage is unavailable: ${(error as Error).message}`);
    }
  }

  /** Opens the parent directory of `path` safely (creating it when asked) and runs `action` there. */
  private inParent<T>(path: string, create: boolean, action: (dirFd: number, name: string, normalized: string) => T): T {
    const { parents, name } = splitWorkspacePath(path);
    const normalized = [...parents, name].join("/");
    let dirFd = this.openRoot();
    try {
      for (const [index, segment] of parents.entries()) {
        const next = this.openChildDir(dirFd, segment, create, parents.slice(0, index + 1).join("/"));
        fs.closeSync(dirFd);
        dirFd = next;
      }
      return action(dirFd, name, normalized);
    } finally {
      fs.closeSync(dirFd);
    }
  }

  private openChildDir(dirFd: number, name: string, create: boolean, shownPath: string): number {
    try {
      return fs.openSync(at(dirFd, name), O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // O_DIRECTORY|O_NOFOLLOW on a symlink fails with ENOTDIR; say what actually happened.
      if ((code === "ENOTDIR" || code === "ELOOP") && isSymlink(at(dirFd, name))) {
        throw new SandboxError("INVALID_PATH", `"${shownPath}" is a symbolic link; the file API does not follow links`);
      }
      if (code !== "ENOENT" || !create) throw translate(error, shownPath);
    }
    try {
      fs.mkdirSync(at(dirFd, name), 0o755);
      const fd = fs.openSync(at(dirFd, name), O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
      if (this.owner) fs.fchownSync(fd, this.owner.uid, this.owner.gid);
      return fd;
    } catch (error) {
      throw translate(error, shownPath);
    }
  }

  private walk(dirFd: number, prefix: string, out: ScannedEntry[]): void {
    let names: string[];
    try {
      names = fs.readdirSync(at(dirFd)).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (out.length >= MAX_LISTED_ENTRIES) return;
      const path = prefix ? `${prefix}/${name}` : name;
      let stat: fs.Stats;
      try {
        stat = fs.lstatSync(at(dirFd, name));
      } catch {
        continue; // removed while we were looking
      }
      out.push({ ...toEntry(path, stat), changeKey: `${stat.mtimeMs}:${stat.ctimeMs}:${stat.size}:${stat.ino}` });
      if (!stat.isDirectory()) continue;
      let childFd: number;
      try {
        childFd = fs.openSync(at(dirFd, name), O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
      } catch {
        continue;
      }
      try {
        this.walk(childFd, path, out);
      } finally {
        fs.closeSync(childFd);
      }
    }
  }
}

/** rm -r through descriptors: never descends through a symlink, whatever the sandbox does meanwhile. */
function removeTree(parentFd: number, name: string): void {
  let dirFd: number;
  try {
    dirFd = fs.openSync(at(parentFd, name), O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ELOOP" || code === "ENOTDIR") return void fs.unlinkSync(at(parentFd, name));
    if (code === "ENOENT") return;
    throw error;
  }
  try {
    for (const child of fs.readdirSync(at(dirFd))) {
      try {
        fs.unlinkSync(at(dirFd, child));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "EISDIR" || code === "EPERM") removeTree(dirFd, child);
        else if (code !== "ENOENT") throw error;
      }
    }
  } finally {
    fs.closeSync(dirFd);
  }
  fs.rmdirSync(at(parentFd, name));
}

function isSymlink(path: string): boolean {
  try {
    return fs.lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function exists(path: string): boolean {
  try {
    fs.lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function toEntry(path: string, stat: fs.Stats): FileEntry {
  const type = stat.isDirectory() ? "directory" : stat.isSymbolicLink() ? "symlink" : "file";
  return { path, type, size: type === "directory" ? 0 : stat.size, mtimeMs: Math.round(stat.mtimeMs) };
}

function translate(error: unknown, path: string): Error {
  if (error instanceof SandboxError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT":
      return new SandboxError("FILE_NOT_FOUND", `"${path}" does not exist`);
    case "ELOOP":
      return new SandboxError("INVALID_PATH", `"${path}" is or goes through a symbolic link; the file API does not follow links`);
    case "ENOTDIR":
      return new SandboxError("NOT_A_DIRECTORY", `a parent of "${path}" is not a directory`);
    case "EISDIR":
      return new SandboxError("NOT_A_FILE", `"${path}" is a directory`);
    case "EEXIST":
    case "ENOTEMPTY":
      return new SandboxError("ALREADY_EXISTS", `"${path}" already exists`);
    case "ENOSPC":
    case "EDQUOT":
      return new SandboxError("WORKSPACE_FULL", `no space left in the workspace while writing "${path}"`);
    case "ENXIO":
    case "EAGAIN":
      return new SandboxError("NOT_A_FILE", `"${path}" is not a regular file`);
    default:
      return new SandboxError("PROVIDER_FAILURE", `file operation on "${path}" failed: ${(error as Error).message}`, { cause: error });
  }
}
