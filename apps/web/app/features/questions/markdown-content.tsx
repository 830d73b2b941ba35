import { cx } from "@interviewlm/ui";

/**
 * Shows HTML from renderMarkdown (app/lib/markdown.server.ts), which sanitised it on the
 * server; never pass anything else. Styles the few elements statements use.
 */
export function MarkdownContent({ html, className }: { html: string; className?: string }) {
  return (
    <div
      className={cx(
        "space-y-3 text-sm leading-6 text-fg",
        "[&_h2]:mt-6 [&_h2]:text-base [&_h2]:font-semibold [&_h3]:mt-5 [&_h3]:text-sm [&_h3]:font-semibold [&_h4]:mt-4 [&_h4]:font-medium [&_h5]:font-medium [&_h6]:font-medium",
        "[&_ul]:list-disc [&_ul]:space-y-1 [&_ul]:pl-5 [&_ol]:list-decimal [&_ol]:space-y-1 [&_ol]:pl-5",
        "[&_a]:text-accent-fg [&_a]:underline [&_strong]:font-semibold [&_blockquote]:border-l-2 [&_blockquote]:border-line-strong [&_blockquote]:pl-3 [&_blockquote]:text-fg-muted",
        "[&_code]:rounded [&_code]:bg-surface-raised [&_code]:px-1 [&_code]:py-0.5 [&_code]:font-mono [&_code]:text-[0.8125rem]",
        "[&_pre]:overflow-x-auto [&_pre]:rounded-md [&_pre]:border [&_pre]:border-line [&_pre]:bg-canvas [&_pre]:p-3 [&_pre_code]:bg-transparent [&_pre_code]:p-0",
        "[&_table]:w-full [&_table]:border-collapse [&_table]:text-left [&_th]:border [&_th]:border-line [&_th]:bg-surface-raised [&_th]:px-2 [&_th]:py-1 [&_td]:border [&_td]:border-line [&_td]:px-2 [&_td]:py-1",
        "[&_hr]:border-line",
        className,
      )}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
