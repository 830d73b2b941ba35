import { cx } from "@interviewlm/ui";

/** The InterviewLM mark: a prompt chevron and cursor in the accent square. */
export function LogoMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" className={cx("size-6 shrink-0", className)}>
      <rect width="24" height="24" rx="6" fill="var(--color-accent)" />
      <path d="M7 8l4 4-4 4" fill="none" stroke="#fff" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
      <path d="M13 16h4" stroke="#fff" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

/** Mark + wordmark. The text is real text so the logo link is named "InterviewLM". */
export function Logo({ className }: { className?: string }) {
  return (
    <span className={cx("inline-flex items-center gap-2 text-sm font-semibold tracking-tight text-fg", className)}>
      <LogoMark />
      InterviewLM
    </span>
  );
}
