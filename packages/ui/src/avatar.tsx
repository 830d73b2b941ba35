import { cx } from "./cx.ts";

export type AvatarSize = "sm" | "md" | "lg";

export interface AvatarProps {
  /** Full name (or email when there is no name); initials are derived from it. */
  name: string;
  size?: AvatarSize;
  /** Set when the name is already written next to the avatar, so it is not read twice. */
  decorative?: boolean;
  className?: string;
}

/** "Ada Lovelace" → "AL"; "grace@example.com" → "G"; blank → "?". */
export function initialsOf(name: string): string {
  const cleaned = name.trim().split("@")[0] ?? "";
  const words = cleaned.split(/[\s._-]+/).filter(Boolean);
  if (words.length === 0) return "?";
  const first = words[0]?.[0] ?? "";
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? "") : "";
  return (first + last).toUpperCase();
}

// A stable tint per person so avatars are tellable apart; all pass 4.5:1 with white-ish text.
const tints = ["bg-[#3b3f8f]", "bg-[#2f5d4a]", "bg-[#6b3d57]", "bg-[#5a4a26]", "bg-[#2d4f73]", "bg-[#55385f]"];

function tintFor(name: string): string {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return tints[hash % tints.length] ?? tints[0]!;
}

const sizes: Record<AvatarSize, string> = { sm: "size-6 text-[10px]", md: "size-8 text-xs", lg: "size-10 text-sm" };

export function Avatar({ name, size = "md", decorative = false, className }: AvatarProps) {
  return (
    <span
      {...(decorative ? { "aria-hidden": true } : { role: "img", "aria-label": name })}
      className={cx(
        "inline-flex shrink-0 items-center justify-center rounded-full font-semibold text-fg select-none",
        tintFor(name),
        sizes[size],
        className,
      )}
    >
      {initialsOf(name)}
    </span>
  );
}
