import fs from "node:fs";
import path from "node:path";
import type { Image, ModalClient } from "modal";
import type { LanguageDefinition } from "../languages/index.ts";
import { RUNNERS_SOURCE_DIR } from "../local/host-runtime.ts";

// One image per language: the language's registry base and build commands (languages/*.ts)
// plus the test runners, written into the image from this package's files. The runner files'
// content is part of the Dockerfile commands, so Modal rebuilds exactly when they change.

export const MODAL_RUNNERS_DIR = "/opt/interviewlm/runners";

export function runnerInstallCommands(): string[] {
  const commands: string[] = ["RUN mkdir -p /workspace"];
  for (const dir of ["python", "node", "go", "java", "ruby", "cpp", "rust"]) {
    commands.push(`RUN mkdir -p ${MODAL_RUNNERS_DIR}/${dir}`);
    for (const name of fs.readdirSync(path.join(RUNNERS_SOURCE_DIR, dir)).sort()) {
      const encoded = fs.readFileSync(path.join(RUNNERS_SOURCE_DIR, dir, name)).toString("base64");
      commands.push(`RUN echo ${encoded} | base64 -d > ${MODAL_RUNNERS_DIR}/${dir}/${name}`);
    }
  }
  return commands;
}

/** A language's host-built runner files (generatedRunnerFiles), written in chunks that stay far below a shell argument's limit. */
export function generatedFileCommands(language: LanguageDefinition): string[] {
  const commands: string[] = [];
  for (const [file, content] of Object.entries(language.generatedRunnerFiles?.() ?? {})) {
    const encoded = Buffer.from(content).toString("base64");
    const target = `${MODAL_RUNNERS_DIR}/${file}`;
    commands.push(`RUN mkdir -p ${path.posix.dirname(target)} && : > ${target}`);
    for (let at = 0; at < encoded.length; at += GENERATED_CHUNK) commands.push(`RUN echo ${encoded.slice(at, at + GENERATED_CHUNK)} | base64 -d >> ${target}`);
  }
  return commands;
}

/** Base64 characters per command: a multiple of 4 (each chunk decodes alone), well under 128 KiB. */
const GENERATED_CHUNK = 64 * 1024;

export class LanguageImages {
  private readonly images = new Map<string, Image>();

  constructor(private readonly client: ModalClient) {}

  imageFor(language: LanguageDefinition): Image {
    let image = this.images.get(language.id);
    if (!image) {
      image = this.client.images.fromRegistry(language.modalImage.registry).dockerfileCommands([...language.modalImage.commands, ...runnerInstallCommands(), ...generatedFileCommands(language)]);
      this.images.set(language.id, image);
    }
    return image;
  }
}
