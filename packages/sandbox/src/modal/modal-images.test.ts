import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { RUNNERS_SOURCE_DIR } from "../local/host-runtime.ts";
import { limitedArgv, timedArgv } from "./modal-process.ts";
import { generatedFileCommands, MODAL_RUNNERS_DIR, runnerInstallCommands } from "./modal-images.ts";
import { LANGUAGES } from "../languages/index.ts";
import { DEFAULT_LIMITS } from "../limits.ts";

describe("the Modal provider's pure parts", () => {
  it("writes exactly the runner files into the image", () => {
    const commands = runnerInstallCommands();
    expect(commands[0]).toBe("RUN mkdir -p /workspace");
    for (const dir of ["python", "node", "go", "java", "ruby", "cpp", "rust"]) {
      for (const name of fs.readdirSync(path.join(RUNNERS_SOURCE_DIR, dir))) {
        const command = commands.find((c) => c.endsWith(`> ${MODAL_RUNNERS_DIR}/${dir}/${name}`));
        const encoded = /^RUN echo ([A-Za-z0-9+/=]+) \| base64 -d > /.exec(command ?? "")?.[1];
        expect(Buffer.from(encoded ?? "", "base64").toString()).toBe(fs.readFileSync(path.join(RUNNERS_SOURCE_DIR, dir, name), "utf8"));
      }
    }
  });

  it("writes a language's host-built runner files into its image in chunks that reassemble exactly", () => {
    const commands = generatedFileCommands(LANGUAGES.typescript);
    const target = `${MODAL_RUNNERS_DIR}/node/vitest-compat.mjs`;
    expect(commands[0]).toBe(`RUN mkdir -p ${MODAL_RUNNERS_DIR}/node && : > ${target}`);
    const chunks = commands.slice(1).map((command) => /^RUN echo ([A-Za-z0-9+/=]+) \| base64 -d >> (.+)$/.exec(command));
    expect(chunks.every((match) => match?.[2] === target && match[1]!.length <= 64 * 1024)).toBe(true);
    const content = Buffer.concat(chunks.map((match) => Buffer.from(match![1]!, "base64"))).toString();
    expect(content).toBe(LANGUAGES.typescript.generatedRunnerFiles!()["node/vitest-compat.mjs"]);
    expect(chunks.length).toBeGreaterThan(1);
    expect(generatedFileCommands(LANGUAGES.python)).toEqual([]);
  });

  it("runs commands under the same CPU-time and file-size limits as locally", () => {
    expect(limitedArgv(["python3", "x.py"], DEFAULT_LIMITS)).toEqual(["prlimit", "--cpu=30:31", `--fsize=${32 * 1024 * 1024}`, "--nofile=256", "--core=0", "--", "python3", "x.py"]);
  });

  it("keeps the wall clock inside the sandbox, in fractions of a second, and records the command's group", () => {
    expect(timedArgv(["python3", "x.py"], 1500, "/tmp/.g")).toEqual(["/bin/sh", "-c", 'echo $$ > "$0" && exec timeout -s KILL "$@"', "/tmp/.g", "1.500", "python3", "x.py"]);
  });
});
