// A share link shown in full (selectable, so it can be copied by hand) with a Copy button that
// says when it worked; the clipboard may be refused (insecure origin, permissions).
import { Button } from "@interviewlm/ui";
import { useId, useState } from "react";

export function CopyLink({ url, label }: { url: string; label: string }) {
  const id = useId();
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  };
  return (
    <div className="flex min-w-0 items-center gap-2">
      <label htmlFor={id} className="sr-only">{label}</label>
      <input id={id} readOnly value={url} onFocus={(e) => e.currentTarget.select()} className="h-8 min-w-0 flex-1 rounded-md border border-line-input bg-canvas px-2 font-mono text-xs text-fg" />
      <Button type="button" size="sm" variant="secondary" onClick={() => void copy()} aria-label={`Copy ${label.toLowerCase()}`}>Copy</Button>
      <span role="status" className="text-xs text-fg-muted">{copied === "yes" ? "Copied" : copied === "failed" ? "Select the link and copy it" : ""}</span>
    </div>
  );
}
