import type { LanguageId } from "../api/schemas.ts";
import { SandboxError } from "../errors.ts";
import { cpp } from "./cpp.ts";
import { go } from "./go.ts";
import { java } from "./java.ts";
import { javascript } from "./javascript.ts";
import { python } from "./python.ts";
import { ruby } from "./ruby.ts";
import { rust } from "./rust.ts";
import type { LanguageDefinition } from "./types.ts";
import { typescript } from "./typescript.ts";

export type { LanguageDefinition, TestRunPaths } from "./types.ts";

/** Adding a language: a definition module + a runner under runners/, registered here. */
export const LANGUAGES: Readonly<Record<LanguageId, LanguageDefinition>> = { python, javascript, typescript, go, java, ruby, cpp, rust };

export function getLanguage(id: string): LanguageDefinition {
  const language = (LANGUAGES as Record<string, LanguageDefinition | undefined>)[id];
  if (!language) throw new SandboxError("UNSUPPORTED_LANGUAGE", `language "${id}" is not supported (${Object.keys(LANGUAGES).join(", ")})`);
  return language;
}
