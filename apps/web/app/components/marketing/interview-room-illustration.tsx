import { Avatar } from "@interviewlm/ui";
import { Bot, CircleCheck, FileCode2, FlaskConical, Terminal } from "@interviewlm/ui/icons";
import type { ReactNode } from "react";

/*
 * A static drawing of the interview room built from markup (no screenshot to go stale, no
 * image to download). It is one labelled image to assistive tech; its text is illustrative.
 */

const kw = "text-accent-fg";
const fn = "text-info-fg";
const ty = "text-warning-fg";
const cm = "text-fg-subtle";

/** [indent level, code] — indentation kept as data so formatters cannot collapse it. */
const CODE_LINES: Array<[number, ReactNode]> = [
  [0, <><span className={kw}>def</span> <span className={fn}>merge</span>(intervals: <span className={ty}>list</span>[<span className={ty}>tuple</span>[<span className={ty}>int</span>, <span className={ty}>int</span>]]):</>],
  [1, <><span className={cm}># sort by start so overlaps are neighbours</span></>],
  [1, <>ordered = <span className={fn}>sorted</span>(intervals)</>],
  [1, <>merged = []</>],
  [1, <><span className={kw}>for</span> start, end <span className={kw}>in</span> ordered:</>],
  [2, <><span className={kw}>if</span> merged <span className={kw}>and</span> start &lt;= merged[-1][1]:</>],
  [3, <>merged[-1] = (merged[-1][0], <span className={fn}>max</span>(merged[-1][1], end))</>],
  [2, <><span className={kw}>else</span>:</>],
  [3, <>merged.<span className={fn}>append</span>((start, end))</>],
  [1, <><span className={kw}>return</span> merged</>],
];

const TESTS = ["test_empty_input", "test_disjoint", "test_overlapping", "test_touching_edges"];

function Panel({ icon, title, children, className }: { icon: ReactNode; title: string; children: ReactNode; className?: string }) {
  return (
    <div className={`flex min-h-0 min-w-0 flex-col rounded-lg border border-line bg-surface ${className ?? ""}`}>
      <div className="flex items-center gap-2 border-b border-line px-3 py-2 text-xs text-fg-muted [&_svg]:size-3.5">
        {icon}
        {title}
      </div>
      <div className="min-h-0 flex-1 p-3">{children}</div>
    </div>
  );
}

export function InterviewRoomIllustration() {
  return (
    <div
      role="img"
      aria-label="Illustration of the interview room: a code editor, a terminal with passing tests, and an AI agent chat showing its tool calls, with two reviewers watching."
      className="mx-auto max-w-5xl overflow-hidden rounded-xl border border-line-strong bg-canvas/80 p-2 shadow-overlay ring-1 ring-white/5"
    >
      <div className="flex items-center justify-between gap-3 px-2 py-1.5 text-xs text-fg-muted">
        <div className="flex items-center gap-2">
          <span className="size-2 rounded-full bg-danger-fg/70" />
          <span className="size-2 rounded-full bg-warning-fg/70" />
          <span className="size-2 rounded-full bg-success-fg/70" />
          <span className="ml-2 hidden sm:inline">Merge intervals · Question 1 of 2</span>
        </div>
        <div className="flex items-center gap-3">
          <span className="inline-flex items-center gap-1.5 text-danger-fg">
            <span className="size-1.5 rounded-full bg-danger-fg motion-safe:animate-pulse" />
            Live
          </span>
          <span className="flex -space-x-1.5">
            <Avatar name="Priya Raman" size="sm" decorative className="ring-2 ring-canvas" />
            <Avatar name="Tom Okafor" size="sm" decorative className="ring-2 ring-canvas" />
          </span>
          <span className="font-mono tabular-nums">38:12 left</span>
        </div>
      </div>
      <div className="grid grid-cols-1 gap-2 md:grid-cols-[minmax(0,1.6fr)_minmax(0,1fr)]">
        <div className="grid grid-cols-1 gap-2">
          <Panel icon={<FileCode2 />} title="intervals.py">
            <pre className="overflow-hidden font-mono text-[11px] leading-5 text-fg sm:text-xs sm:leading-5">
              {CODE_LINES.map(([indent, line], index) => (
                <div key={index} className="flex">
                  <span className="w-6 shrink-0 pr-3 text-right text-fg-subtle select-none">{index + 1}</span>
                  <span className="whitespace-pre">
                    {"    ".repeat(indent)}
                    {line}
                  </span>
                </div>
              ))}
            </pre>
          </Panel>
          <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
            <Panel icon={<Terminal />} title="Terminal">
              <pre className="font-mono text-[11px] leading-5 text-fg-muted">
                <span className="text-success-fg">$</span> pytest -q{"\n"}....{"\n"}
                <span className="text-success-fg">4 passed</span> in 0.04s
              </pre>
            </Panel>
            <Panel icon={<FlaskConical />} title="Tests">
              <ul className="space-y-1 font-mono text-[11px]">
                {TESTS.map((name) => (
                  <li key={name} className="flex items-center gap-1.5 text-fg-muted">
                    <CircleCheck className="size-3.5 text-success-fg" />
                    {name}
                  </li>
                ))}
              </ul>
            </Panel>
          </div>
        </div>
        <Panel icon={<Bot />} title="AI agent" className="hidden md:flex">
          <div className="space-y-3 text-xs">
            <p className="ml-6 rounded-lg bg-surface-raised px-3 py-2 text-fg">
              test_touching_edges fails. Should (1, 2) and (2, 3) merge?
            </p>
            <div className="space-y-1.5">
              <p className="inline-flex rounded-md border border-line bg-canvas px-2 py-1 font-mono text-[11px] text-fg-muted">
                read_file intervals.py
              </p>
              <p className="inline-flex rounded-md border border-line bg-canvas px-2 py-1 font-mono text-[11px] text-fg-muted">
                run_tests
              </p>
            </div>
            <p className="text-fg-muted">
              The test expects touching intervals to merge, but the check uses <code className="text-fg">&lt;</code>.
              Changing it to <code className="text-fg">&lt;=</code> fixes it — want me to run the tests again after
              you edit?
            </p>
            <p className="ml-6 rounded-lg bg-surface-raised px-3 py-2 text-fg">Done, run them.</p>
            <p className="inline-flex items-center gap-1.5 rounded-md border border-line bg-canvas px-2 py-1 font-mono text-[11px] text-success-fg">
              <CircleCheck className="size-3.5" /> run_tests · 4 passed
            </p>
          </div>
        </Panel>
      </div>
    </div>
  );
}
