// The keyboard help: a dialog opened from the header's "?" button or with Shift+?.
import { Dialog, DialogContent, DialogTrigger, IconButton, Kbd } from "@interviewlm/ui";
import { Keyboard } from "@interviewlm/ui/icons";
import { EDITOR_SHORTCUTS, SHORTCUTS, type Shortcut } from "./shortcuts";

export interface ShortcutsHelpProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Reviewers cannot run tests or edit: they get the navigation shortcuts only. */
  readOnly: boolean;
}

export function ShortcutsHelp({ open, onOpenChange, readOnly }: ShortcutsHelpProps) {
  const page = Object.values(SHORTCUTS).filter((s) => !readOnly || !["runTests", "save"].includes(s.id));
  const editor = EDITOR_SHORTCUTS.filter((s) => !readOnly || ["find", "treeMove", "leaveEditor"].includes(s.id));
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <IconButton aria-label="Keyboard shortcuts" icon={<Keyboard aria-hidden="true" className="size-4" />} />
      </DialogTrigger>
      <DialogContent title="Keyboard shortcuts" description="On a Mac, use ⌘ where it says Ctrl/⌘." size="md">
        <ShortcutTable caption="Anywhere on the page" shortcuts={page} />
        <ShortcutTable caption="Editor and files" shortcuts={editor} />
      </DialogContent>
    </Dialog>
  );
}

function ShortcutTable({ caption, shortcuts }: { caption: string; shortcuts: readonly Shortcut[] }) {
  return (
    <table className="mb-4 w-full text-sm">
      <caption className="mb-1 text-left text-xs font-medium text-fg-muted">{caption}</caption>
      <tbody>
        {shortcuts.map((shortcut) => (
          <tr key={shortcut.id} className="border-b border-line last:border-0">
            <th scope="row" className="py-1.5 pr-4 text-left font-normal whitespace-nowrap">
              <Kbd className="px-1.5">{shortcut.keys}</Kbd>
            </th>
            <td className="py-1.5 text-fg-muted">{shortcut.description}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
