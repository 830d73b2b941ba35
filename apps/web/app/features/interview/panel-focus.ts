// Alt+1…4 move focus between the panels. Each panel marks itself with data-panel; inside,
// the editor's and the terminal's own input elements take focus where they exist.
export type PanelId = "question" | "editor" | "terminal" | "tests";

const INNER_TARGET: Record<PanelId, string> = {
  question: "",
  editor: ".cm-content",
  terminal: ".xterm-helper-textarea",
  tests: "",
};

export function focusPanel(panel: PanelId): void {
  const container = document.querySelector<HTMLElement>(`[data-panel="${panel}"]`);
  if (!container) return;
  const inner = INNER_TARGET[panel] ? container.querySelector<HTMLElement>(INNER_TARGET[panel]) : null;
  const target = inner ?? container;
  if (!inner && !target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
  target.focus();
}
