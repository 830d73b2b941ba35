// Colours for remote cursors and presence: stable per person (hash of their id), picked from
// hues that stay readable as a caret and as a translucent selection on the dark editor.
const PALETTE = ["#9ba3ff", "#4cc38a", "#f0b44c", "#6cb6ff", "#ff7a7f", "#d38cff", "#5fd4d4", "#ff9f5a"] as const;

export interface CollaboratorColor {
  color: string;
  /** Selection background: the same hue at ~20 % opacity. */
  colorLight: string;
}

export function colorFor(id: string): CollaboratorColor {
  let hash = 0;
  for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) >>> 0;
  const color = PALETTE[hash % PALETTE.length]!;
  return { color, colorLight: `${color}33` };
}
