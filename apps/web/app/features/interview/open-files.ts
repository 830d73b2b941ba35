// Which files are open in tabs and which one is shown. Pure, so the rules (rename keeps the
// tab, delete closes it, closing the active tab shows its neighbour) are tested directly.

export interface OpenFiles {
  open: string[];
  active: string | null;
}

export type OpenFilesAction =
  | { type: "open"; path: string }
  | { type: "close"; path: string }
  | { type: "move"; from: string; to: string }
  /** Drop tabs whose file no longer exists. */
  | { type: "prune"; existing: ReadonlySet<string> }
  | { type: "restore"; state: OpenFiles };

export const NO_OPEN_FILES: OpenFiles = { open: [], active: null };

export function openFilesReducer(state: OpenFiles, action: OpenFilesAction): OpenFiles {
  switch (action.type) {
    case "open":
      return { open: state.open.includes(action.path) ? state.open : [...state.open, action.path], active: action.path };
    case "close": {
      const index = state.open.indexOf(action.path);
      if (index === -1) return state;
      const open = state.open.filter((p) => p !== action.path);
      const active = state.active === action.path ? (open[Math.min(index, open.length - 1)] ?? null) : state.active;
      return { open, active };
    }
    case "move":
      if (!state.open.includes(action.from)) return state;
      return {
        open: state.open.map((p) => (p === action.from ? action.to : p)),
        active: state.active === action.from ? action.to : state.active,
      };
    case "prune": {
      const open = state.open.filter((p) => action.existing.has(p));
      if (open.length === state.open.length) return state;
      const active = state.active && action.existing.has(state.active) ? state.active : (open[0] ?? null);
      return { open, active };
    }
    case "restore":
      return action.state;
  }
}

const TEST_FILE = /(^|\/)(tests?|__tests__)\/|(^|\/)test_[^/]*$|[._-]test\.[a-z]+$|_test\.[a-z]+$|\.spec\.[a-z]+$/i;
const NOT_CODE = /\.(md|txt|json|lock|toml|cfg|ini|ya?ml)$|(^|\/)\./i;

/** The file to show first: the candidate's code, not a test, config or README. */
export function firstFileToOpen(paths: readonly string[]): string | null {
  return paths.find((p) => !TEST_FILE.test(p) && !NOT_CODE.test(p)) ?? paths.find((p) => !TEST_FILE.test(p)) ?? paths[0] ?? null;
}

export function parseStoredOpenFiles(raw: string | null): OpenFiles | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<OpenFiles>;
    if (!Array.isArray(value.open) || !value.open.every((p) => typeof p === "string")) return null;
    const active = typeof value.active === "string" && value.open.includes(value.active) ? value.active : (value.open[0] ?? null);
    return { open: value.open, active };
  } catch {
    return null;
  }
}
