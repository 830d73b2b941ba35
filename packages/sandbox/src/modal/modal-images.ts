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
  for (const dir of ["python", "node", "go", "java", "ruby"]) {
    commands.push(`RUN mkdir -p ${MODAL_RUNNERS_DIR}/${dir}`);
    for (const name of fs.readdirSync(path.join(RUNNERS_SOURCE_DIR, dir)).sort()) {
      const encoded = fs.readFileSync(path.join(RUNNERS_SOURCE_DIR, dir, name)).toString("base64");
      commands.push(`RUN echo ${encoded} | base64 -d > ${MODAL_RUNNERS_DIR}/${dir}/${name}`);
    }
  }
  return commands;
}

export class LanguageImages {
  private readonly images = new Map<string, Image>();

  constructor(private readonly client: ModalClient) {}

  imageFor(language: LanguageDefinition): Image {
    let image = this.images.get(language.id);
    if (!image) {
      image = this.client.images.fromRegistry(language.modalImage.registry).dockerfileCommands([...language.modalImage.commands, ...runnerInstallCommands()]);
      this.images.set(language.id, image);
    }
    return image;
  }
}
