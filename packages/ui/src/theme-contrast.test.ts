// @vitest-environment node
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { contrastRatio } from "./contrast.ts";

const css = readFileSync(fileURLToPath(new URL("./theme.css", import.meta.url)), "utf8");
const tokens = new Map([...css.matchAll(/--color-([a-z-]+):\s*(#[0-9a-f]{6});/gi)].map((m) => [m[1]!, m[2]!]));

function token(name: string): string {
  const value = tokens.get(name);
  if (!value) throw new Error(`theme.css has no --color-${name}`);
  return value;
}

const surfaces = ["canvas", "surface", "surface-raised", "surface-hover"];

/** Text pairs that must reach 4.5:1 (WCAG 1.4.3, normal-size text). */
const textPairs: Array<[fg: string, bg: string]> = [
  ...["fg", "fg-muted", "fg-subtle", "accent-fg", "success-fg", "warning-fg", "danger-fg", "info-fg"].flatMap(
    (fg) => surfaces.map((bg): [string, string] => [fg, bg]),
  ),
  ["fg-on-accent", "accent"],
  ["fg-on-accent", "accent-hover"],
  ["fg-on-accent", "danger"],
  ["fg-on-accent", "danger-hover"],
  ["fg", "surface-active"],
  ["accent-fg", "accent-soft"],
  ["success-fg", "success-soft"],
  ["warning-fg", "warning-soft"],
  ["danger-fg", "danger-soft"],
  ["info-fg", "info-soft"],
  ["fg-muted", "neutral-soft"],
];

/** Non-text pairs that must reach 3:1 (WCAG 1.4.11: focus ring, input borders). */
const uiPairs: Array<[fg: string, bg: string]> = [
  ...surfaces.map((bg): [string, string] => ["focus", bg]),
  ...["canvas", "surface", "surface-raised"].map((bg): [string, string] => ["line-input", bg]),
  ["danger-fg", "surface"],
];

// Avatar tints are literal classes in avatar.tsx; the initials are --color-fg.
const avatarTints = ["#3b3f8f", "#2f5d4a", "#6b3d57", "#5a4a26", "#2d4f73", "#55385f"];

describe("theme contrast (WCAG 2.1 AA)", () => {
  it.each(textPairs)("text %s on %s is at least 4.5:1", (fg, bg) => {
    expect(contrastRatio(token(fg), token(bg))).toBeGreaterThanOrEqual(4.5);
  });

  it.each(uiPairs)("UI boundary %s on %s is at least 3:1", (fg, bg) => {
    expect(contrastRatio(token(fg), token(bg))).toBeGreaterThanOrEqual(3);
  });

  it.each(avatarTints)("avatar initials on %s are at least 4.5:1", (tint) => {
    expect(contrastRatio(token("fg"), tint)).toBeGreaterThanOrEqual(4.5);
  });

  it("computes the reference ratios from the WCAG definition", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
  });
});
