import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { EventEmitter } from "node:events";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { copyLayer, createEmptyLayer } from "./layers.ts";

// Images: a writable layer directory each (see layers.ts) over the host's read-only /usr.
// `FROM <registry tag>` cannot pull (these machines have no registry access), so the few
// registry images the product uses are emulated by what the host has, with their versions
// checked; `RUN` commands really run, in a build container — except the package installs
// that need the network (pip, npm, apt), which are satisfied from the host when (and only
// when) the host has exactly the pinned version (for apt: has the packages installed; the
// host's /usr is every image's /usr). Anything else fails the build, as a bad Dockerfile
// does on Modal.

export interface ImageRecord {
  imageId: string;
  layer: string;
  status: "building" | "built" | "failed";
  exception: string;
  log: string[];
}

/** Runs RUN steps of one build in one build container; close() ends it. */
export interface BuildSession {
  run(command: string): Promise<void>;
  close(): Promise<void>;
}
export type StartBuild = (image: ImageRecord) => Promise<BuildSession>;

const require = createRequire(import.meta.url);

/** Registry images this server can stand in for, and how the host provides them. */
const REGISTRY: Record<string, { check: () => string | null; links: Record<string, string> }> = {
  "python:3.11-slim-bookworm": {
    check: () => versionMismatch("python", execFileSync("/usr/bin/python3", ["-c", "import sys; print('%d.%d' % sys.version_info[:2])"]).toString().trim(), "3.11"),
    links: { "bin/python3": "/usr/bin/python3", "bin/python": "/usr/bin/python3" },
  },
  "node:20-bookworm-slim": {
    check: () => versionMismatch("node", execFileSync("/usr/bin/node", ["-p", "process.versions.node.split('.')[0]"]).toString().trim(), "20"),
    links: { "bin/node": "/usr/bin/node" },
  },
  // Go finds its GOROOT from the resolved executable, so a link to Debian's go is a whole toolchain.
  "golang:1.19-bookworm": {
    check: () => versionMismatch("go", (/go(\d+\.\d+)/.exec(execFileSync("/usr/bin/go", ["version"]).toString())?.[1] ?? "none"), "1.19"),
    links: { "go/bin/go": "/usr/bin/go", "bin/go": "/usr/bin/go" },
  },
  // The host is Debian bookworm: its /usr is the image's; packages the image installs with apt
  // must already be on the host (fromHost).
  "debian:bookworm-slim": {
    check: () => versionMismatch("Debian", fs.readFileSync("/etc/debian_version", "utf8").trim().split(".")[0] ?? "none", "12"),
    links: {},
  },
};

function versionMismatch(tool: string, found: string, wanted: string): string | null {
  return found === wanted ? null : `the host's ${tool} is ${found}, the image needs ${wanted}`;
}

export class ImageStore extends EventEmitter {
  private readonly images = new Map<string, ImageRecord>();

  constructor(
    private readonly root: string,
    private readonly startBuild: StartBuild,
  ) {
    super();
    this.setMaxListeners(0); // every build's joiners wait on "change"
    fs.mkdirSync(root, { recursive: true, mode: 0o711 });
  }

  get(imageId: string): ImageRecord | undefined {
    return this.images.get(imageId);
  }

  /** Like Modal, identical definitions share one image (and one build). */
  getOrCreate(dockerfileCommands: string[], baseImages: { dockerTag: string; imageId: string }[], forceBuild: boolean): ImageRecord {
    const imageId = `im-${createHash("sha256").update(JSON.stringify({ dockerfileCommands, baseImages })).digest("base64url").replace(/[-_]/g, "").slice(0, 22)}`;
    const existing = this.images.get(imageId);
    if (existing && !(forceBuild && existing.status !== "building") && existing.status !== "failed") return existing;
    const image: ImageRecord = { imageId, layer: path.join(this.root, imageId), status: "building", exception: "", log: [] };
    this.images.set(imageId, image);
    void this.build(image, dockerfileCommands, baseImages);
    return image;
  }

  /** A finished layer (a filesystem snapshot) registered as an image. */
  async fromLayer(sourceLayer: string): Promise<ImageRecord> {
    const imageId = `im-${randomId()}`;
    const image: ImageRecord = { imageId, layer: path.join(this.root, imageId), status: "building", exception: "", log: [] };
    await copyLayer(sourceLayer, image.layer, null);
    image.status = "built";
    this.images.set(imageId, image);
    return image;
  }

  private async build(image: ImageRecord, commands: string[], baseImages: { dockerTag: string; imageId: string }[]): Promise<void> {
    try {
      fs.rmSync(image.layer, { recursive: true, force: true });
      const [from, ...rest] = commands;
      const base = /^FROM (\S+)$/.exec(from ?? "")?.[1];
      if (!base) throw new Error(`the first Dockerfile command must be FROM, got ${JSON.stringify(from)}`);
      const parent = baseImages.find((b) => b.dockerTag === base);
      if (parent) {
        const parentImage = this.images.get(parent.imageId);
        if (parentImage?.status !== "built") throw new Error(`base image ${parent.imageId} is not built`);
        await copyLayer(parentImage.layer, image.layer, null);
      } else {
        const registry = REGISTRY[base];
        if (!registry) throw new Error(`registry image ${base} is not available on the local Modal protocol server (known: ${Object.keys(REGISTRY).join(", ")})`);
        const problem = registry.check();
        if (problem) throw new Error(`cannot stand in for ${base}: ${problem}`);
        fs.mkdirSync(image.layer, { recursive: true, mode: 0o711 });
        createEmptyLayer(image.layer);
        fs.mkdirSync(path.join(image.layer, "usr-local", "bin"), { recursive: true });
        for (const [link, target] of Object.entries(registry.links)) {
          fs.mkdirSync(path.dirname(path.join(image.layer, "usr-local", link)), { recursive: true });
          fs.symlinkSync(target, path.join(image.layer, "usr-local", link));
        }
      }
      let session: BuildSession | null = null;
      try {
        for (const command of rest) {
          image.log.push(`${command.slice(0, 200)}\n`);
          this.emit("change", image);
          const run = /^RUN (.+)$/s.exec(command)?.[1];
          if (!run) throw new Error(`unsupported Dockerfile command: ${command.slice(0, 80)}`);
          if (this.fromHost(image, run)) continue;
          session ??= await this.startBuild(image);
          await session.run(run);
        }
      } finally {
        await session?.close();
      }
      image.status = "built";
    } catch (error) {
      image.status = "failed";
      image.exception = (error as Error).message;
    }
    this.emit("change", image);
  }

  /** Installs that need the network, satisfied from the host when it has the pinned version. */
  private fromHost(image: ImageRecord, run: string): boolean {
    const pip = /^pip install (?:--no-cache-dir )?([A-Za-z0-9_.-]+)==([\w.]+)$/.exec(run);
    if (pip) {
      const [, name, version] = pip as unknown as [string, string, string];
      const found = execFileSync("/usr/bin/python3", ["-c", "import importlib.metadata as m, sys; print(m.version(sys.argv[1]))", name]).toString().trim();
      if (found !== version) throw new Error(`${run}: no network here, and the host has ${name} ${found}`);
      return true;
    }
    const apt = /^apt-get update && apt-get install -y --no-install-recommends ([a-z0-9.+\- ]+?) && rm -rf \/var\/lib\/apt\/lists\/\*$/.exec(run);
    if (apt) {
      const missing = apt[1]!.split(" ").filter((name) => !isInstalledOnHost(name));
      if (missing.length > 0) throw new Error(`${run}: no network here, and the host lacks ${missing.join(", ")} (scripts/system-packages.sh installs them)`);
      return true;
    }
    const esbuild = /^npm install --global (?:--no-fund |--no-audit )*esbuild@([\w.]+)$/.exec(run);
    if (esbuild) {
      const packageDir = path.dirname(require.resolve("esbuild/package.json"));
      const found = (JSON.parse(fs.readFileSync(path.join(packageDir, "package.json"), "utf8")) as { version: string }).version;
      if (found !== esbuild[1]) throw new Error(`${run}: no network here, and node_modules has esbuild ${found}`);
      const binary = locateEsbuildBinary(packageDir);
      fs.mkdirSync(path.join(image.layer, "usr-local", "bin"), { recursive: true });
      fs.copyFileSync(binary, path.join(image.layer, "usr-local", "bin", "esbuild"));
      fs.chmodSync(path.join(image.layer, "usr-local", "bin", "esbuild"), 0o755);
      return true;
    }
    return false;
  }
}

function isInstalledOnHost(debianPackage: string): boolean {
  try {
    return execFileSync("dpkg-query", ["-W", "-f=${Status}", debianPackage], { stdio: ["ignore", "pipe", "ignore"] }).toString() === "install ok installed";
  } catch {
    return false;
  }
}

function locateEsbuildBinary(packageDir: string): string {
  try {
    return path.join(path.dirname(createRequire(path.join(packageDir, "package.json")).resolve(`@esbuild/${process.platform}-${process.arch}/package.json`)), "bin", "esbuild");
  } catch {
    return path.join(packageDir, "bin", "esbuild");
  }
}

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
/** 22 characters of Modal's object-id alphabet (the SDK checks the shape of sandbox ids). */
export function randomId(): string {
  const bytes = new Uint8Array(22);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join("");
}
