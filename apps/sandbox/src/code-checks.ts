import type { Logger } from "@interviewlm/infra/log";
import { checkCodeRuns, type CodeCheckResult, type LanguageId, type SandboxProvider } from "@interviewlm/sandbox";

// Every candidate's system check and Start asks whether code runs. One real run per language
// answers everyone asking at the same time, and its answer is reused briefly, so a page
// reloaded in a loop cannot turn into a stream of throwaway workspaces.

interface Entry {
  result: Promise<CodeCheckResult>;
  /** When the answer stops being reused; Infinity while the run is in progress. */
  expiresAt: number;
}

export class CodeChecks {
  private readonly entries = new Map<LanguageId, Entry>();

  constructor(
    private readonly provider: SandboxProvider,
    private readonly logger: Pick<Logger, "warn">,
    private readonly reuse = { okMs: 30_000, failedMs: 5_000 },
  ) {}

  run(language: LanguageId): Promise<CodeCheckResult> {
    const current = this.entries.get(language);
    if (current && Date.now() < current.expiresAt) return current.result;
    const entry: Entry = { result: checkCodeRuns(this.provider, language), expiresAt: Number.POSITIVE_INFINITY };
    this.entries.set(language, entry);
    void entry.result.then((result) => {
      entry.expiresAt = Date.now() + (result.ok ? this.reuse.okMs : this.reuse.failedMs);
      if (!result.ok) this.logger.warn("code_check.failed", { language, code: result.code, problem: result.problem });
    });
    return entry.result;
  }
}
