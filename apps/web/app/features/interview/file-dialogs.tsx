// Dialogs for the file operations: a name (new file, rename) checked against the workspace
// as you type, and a confirmation before deleting (deleting also removes it from the sandbox).
import { Button, Dialog, DialogClose, DialogContent, DialogFooter, TextField } from "@interviewlm/ui";
import { useState, type FormEvent } from "react";
import { normalizePath, pathProblem } from "./workspace-files";

export type FileDialogState =
  | { kind: "create"; folder: string }
  | { kind: "rename"; path: string }
  | { kind: "delete"; path: string }
  | null;

export interface FileDialogsProps {
  state: FileDialogState;
  paths: string[];
  onClose: () => void;
  onCreate: (path: string) => void;
  onRename: (from: string, to: string) => void;
  onDelete: (path: string) => void;
}

export function FileDialogs({ state, paths, onClose, onCreate, onRename, onDelete }: FileDialogsProps) {
  const open = state !== null;
  return (
    <Dialog open={open} onOpenChange={(next) => (next ? undefined : onClose())}>
      {state?.kind === "delete" ? (
        <DialogContent size="sm" title={`Delete ${state.path}?`} description="The file is removed from the editor and the workspace.">
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button variant="danger" onClick={() => (onDelete(state.path), onClose())}>
              Delete file
            </Button>
          </DialogFooter>
        </DialogContent>
      ) : state ? (
        <NameForm
          // A fresh form (and initial value) per dialog.
          key={state.kind === "create" ? `create:${state.folder}` : `rename:${state.path}`}
          title={state.kind === "create" ? "New file" : `Rename ${state.path}`}
          submitLabel={state.kind === "create" ? "Create file" : "Rename"}
          initial={state.kind === "create" ? (state.folder ? `${state.folder}/` : "") : state.path}
          existing={state.kind === "rename" ? paths.filter((p) => p !== state.path) : paths}
          onSubmit={(path) => {
            if (state.kind === "create") onCreate(path);
            else onRename(state.path, path);
            onClose();
          }}
        />
      ) : null}
    </Dialog>
  );
}

interface NameFormProps {
  title: string;
  submitLabel: string;
  initial: string;
  existing: string[];
  onSubmit: (path: string) => void;
}

function NameForm({ title, submitLabel, initial, existing, onSubmit }: NameFormProps) {
  const [value, setValue] = useState(initial);
  const [touched, setTouched] = useState(false);
  const path = normalizePath(value);
  const problem = pathProblem(path, existing);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!problem) onSubmit(path);
  };

  return (
    <DialogContent size="sm" title={title}>
      <form onSubmit={submit} noValidate>
        <TextField
          label="Path"
          description="Relative to the workspace, e.g. src/utils.py. Folders are created as needed."
          value={value}
          onChange={(event) => (setValue(event.target.value), setTouched(true))}
          error={touched && value !== initial ? problem : null}
          autoFocus
          spellCheck={false}
          autoComplete="off"
          className="font-mono"
        />
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary">Cancel</Button>
          </DialogClose>
          <Button type="submit" disabled={Boolean(problem)}>
            {submitLabel}
          </Button>
        </DialogFooter>
      </form>
    </DialogContent>
  );
}
