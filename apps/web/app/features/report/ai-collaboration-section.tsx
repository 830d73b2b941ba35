// Where the final code came from, as a picture per file (one strip, a segment per range of
// lines, coloured by origin) with a text legend and a written summary — the colour is never
// the only carrier — and the AI usage figures measured from the recording.
import type { LineSource } from "@interviewlm/core/evaluation";
import { Stat, StatGroup } from "@interviewlm/ui";
import { MomentLink } from "./questions-section";
import { SOURCE_FILLS, SOURCE_LABELS, formatPercent, formatUsd, summariseSources, type MeasuredView } from "./report-format";

const SOURCES = Object.keys(SOURCE_LABELS) as LineSource[];

export function ProvenanceStrip({ file, replayPath }: { file: MeasuredView["provenance"]["files"][number]; replayPath: string }) {
  const lines = Math.max(1, file.lineCount);
  const summary = summariseSources(file.counts);
  return (
    <figure className="space-y-1">
      <figcaption className="text-sm">
        <code className="font-mono">{file.path}</code> <span className="text-fg-muted">— {summary}</span>
      </figcaption>
      <div role="img" aria-label={`Origin of the lines of ${file.path}: ${summary}`} className="relative h-3 w-full overflow-hidden rounded bg-line">
        {file.ranges.map((range) => (
          <span
            key={`${range.from}-${range.source}`}
            title={`Lines ${range.from}–${range.to}: ${SOURCE_LABELS[range.source]}`}
            className={`absolute inset-y-0 ${SOURCE_FILLS[range.source]}`}
            style={{ left: `${((range.from - 1) / lines) * 100}%`, width: `${((range.to - range.from + 1) / lines) * 100}%` }}
          />
        ))}
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer text-fg-muted">Line ranges of {file.path}</summary>
        <ul className="mt-1 space-y-0.5">
          {file.ranges.map((range) => (
            <li key={`${range.from}-${range.source}`}>
              Lines {range.from}–{range.to}: {SOURCE_LABELS[range.source]}
              {range.lastWritten ? (
                <>
                  {" "}· last written <MomentLink replayPath={replayPath} t={range.lastWritten.t} />
                </>
              ) : null}
            </li>
          ))}
        </ul>
      </details>
    </figure>
  );
}

export function ProvenanceLegend() {
  return (
    <ul aria-label="Legend" className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-fg-muted">
      {SOURCES.map((source) => (
        <li key={source} className="flex items-center gap-1">
          <span aria-hidden="true" className={`inline-block size-3 rounded-sm ${SOURCE_FILLS[source]}`} />
          {SOURCE_LABELS[source]}
        </li>
      ))}
    </ul>
  );
}

export function AiCollaborationSection({ measured, replayPath }: { measured: MeasuredView; replayPath: string }) {
  const { ai, provenance } = measured;
  return (
    <section aria-labelledby="report-ai" className="space-y-3">
      <h2 id="report-ai" className="text-base font-semibold text-fg">AI collaboration</h2>
      <div className="space-y-2">
        <h3 className="text-sm font-medium text-fg">Where the final code came from</h3>
        <p className="text-sm">{summariseSources(provenance.counts)}</p>
        <ProvenanceLegend />
        {provenance.files.length === 0 ? <p className="text-sm text-fg-muted">The editor held no files at the end.</p> : null}
        {provenance.files.map((file) => (
          <ProvenanceStrip key={file.path} file={file} replayPath={replayPath} />
        ))}
      </div>
      <h3 className="text-sm font-medium text-fg">AI usage</h3>
      {ai.prompts === 0 && ai.agentEdits.length === 0 ? (
        <p className="text-sm text-fg-muted">The candidate did not use the AI assistant in this session.</p>
      ) : (
        <>
          <StatGroup>
            <Stat label="Prompts" value={ai.prompts.toLocaleString("en")} />
            <Stat label="Tool calls" value={ai.toolCalls.toLocaleString("en")} />
            <Stat label="AI edits followed by a test run" value={`${ai.agentEditsTested} of ${ai.agentEdits.length}`} />
            <Stat label="AI-written lines kept" value={ai.agentLinesKeptShare === null ? "—" : `${formatPercent(ai.agentLinesKeptShare)} (${ai.agentLinesKept} of ${ai.agentLinesWritten})`} />
            <Stat label="Tokens" value={(ai.inputTokens + ai.outputTokens).toLocaleString("en")} />
            <Stat label="Cost" value={formatUsd(ai.costMicroUsd)} />
          </StatGroup>
          {ai.promptList.length > 0 ? (
            <p className="text-sm">
              Prompts:{" "}
              {ai.promptList.map((p, i) => (
                <span key={p.seq}>
                  {i > 0 ? ", " : null}
                  <MomentLink replayPath={replayPath} t={p.t} />
                </span>
              ))}
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
