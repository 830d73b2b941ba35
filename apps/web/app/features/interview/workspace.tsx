// The editor area: file tree, tabs of open files and the shared CodeMirror editor. The
// candidate edits; reviewers get the same view read-only and, by default, follow the file
// the candidate is looking at.
import { Badge, Spinner } from "@interviewlm/ui";
import { Eye } from "@interviewlm/ui/icons";
import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import { CodeEditor, type PasteSignal } from "./code-editor";
import { EDITOR_LANGUAGE_LABELS, languageForPath } from "./editor-languages";
import { EditorTabs } from "./editor-tabs";
import { FileDialogs, type FileDialogState } from "./file-dialogs";
import { FileTree } from "./file-tree";
import { NO_OPEN_FILES, firstFileToOpen, openFilesReducer, parseStoredOpenFiles } from "./open-files";
import { publishActiveFile, useCandidateFile } from "./use-candidate-file";
import { useWorkspaceFiles } from "./use-workspace-files";
import type { SharedDoc } from "./use-y-doc";
import { createFile, deleteFile, renameFile } from "./workspace-files";

export interface WorkspaceProps {
  shared: SharedDoc | null;
  /**
   * "edit": the candidate; "locked": the candidate once the interview is finishing;
   * "watch": a reviewer — read-only, following the candidate's file by default.
   */
  mode: WorkspaceMode;
  /** Where the open tabs are remembered across reloads (sessionStorage), e.g. per session. */
  storageKey: string;
  onPaste?: (paste: PasteSignal) => void;
}

export type WorkspaceMode = "edit" | "locked" | "watch";

export function Workspace({ shared, mode, storageKey, onPaste }: WorkspaceProps) {
  const readOnly = mode !== "edit";
  const watching = mode === "watch";
  const [tabs, dispatch] = useReducer(openFilesReducer, NO_OPEN_FILES);
  const [dialog, setDialog] = useState<FileDialogState>(null);
  const [following, setFollowing] = useState(watching);
  const paths = useWorkspaceFiles(shared?.files ?? null, (move) => dispatch({ type: "move", ...move }));
  const awareness = shared?.provider.awareness ?? null;
  const candidateFile = useCandidateFile(watching ? awareness : null);
  const synced = shared?.synced ?? false;

  // A file is picked for you once after the first sync, and again when a new question
  // replaced every open file; closing your last tab yourself leaves the editor empty.
  const autoPick = useRef(true);
  useEffect(() => {
    if (!synced) return;
    const existing = new Set(paths);
    if (tabs.open.length > 0 && tabs.open.every((p) => !existing.has(p))) autoPick.current = true;
    dispatch({ type: "prune", existing });
    // Only a change of the file list (or the sync) matters here, not every tab change.
  }, [synced, paths]);
  useEffect(() => {
    if (!synced || !autoPick.current || tabs.open.length > 0 || paths.length === 0) return;
    const firstTime = tabs === NO_OPEN_FILES;
    autoPick.current = false;
    const stored = firstTime ? parseStoredOpenFiles(sessionStorage.getItem(storageKey)) : null;
    const restored = stored?.open.filter((p) => paths.includes(p)) ?? [];
    if (stored && restored.length > 0) {
      dispatch({ type: "restore", state: { open: restored, active: stored.active && restored.includes(stored.active) ? stored.active : restored[0]! } });
      return;
    }
    const first = (watching && candidateFile) || firstFileToOpen(paths);
    if (first) dispatch({ type: "open", path: first });
  }, [synced, paths, tabs, storageKey, watching, candidateFile]);
  useEffect(() => {
    if (synced) sessionStorage.setItem(storageKey, JSON.stringify(tabs));
  }, [synced, storageKey, tabs]);

  useEffect(() => {
    if (awareness) publishActiveFile(awareness, tabs.active);
  }, [awareness, tabs.active]);
  useEffect(() => {
    if (following && candidateFile && paths.includes(candidateFile)) dispatch({ type: "open", path: candidateFile });
  }, [following, candidateFile, paths]);

  const openByHand = useCallback((path: string) => {
    // Choosing another file yourself stops following the candidate.
    if (path !== candidateFile) setFollowing(false);
    dispatch({ type: "open", path });
  }, [candidateFile]);

  const files = shared?.files ?? null;
  const text = tabs.active && files ? (files.get(tabs.active) ?? null) : null;
  const language = tabs.active ? EDITOR_LANGUAGE_LABELS[languageForPath(tabs.active)] : null;

  return (
    <section aria-label="Workspace" className="grid h-full min-h-0 grid-cols-[13rem_minmax(0,1fr)] bg-surface">
      <div className="min-h-0 border-r border-line">
        <FileTree
          paths={paths}
          activePath={tabs.active}
          readOnly={readOnly}
          onOpen={openByHand}
          onCreate={(folder) => setDialog({ kind: "create", folder })}
          onRename={(path) => setDialog({ kind: "rename", path })}
          onDelete={(path) => setDialog({ kind: "delete", path })}
        />
      </div>
      <div className="flex min-h-0 min-w-0 flex-col">
        <div className="flex shrink-0 items-stretch">
          <div className="min-w-0 flex-1">
            <EditorTabs paths={tabs.open} active={tabs.active} onSelect={openByHand} onClose={(path) => dispatch({ type: "close", path })} />
          </div>
          <div className="flex items-center gap-2 border-b border-line px-2 text-xs text-fg-muted">
            {language ? <span>{language}</span> : null}
            {watching ? (
              <label className="flex items-center gap-1.5">
                <input type="checkbox" checked={following} onChange={(e) => setFollowing(e.target.checked)} className="accent-accent" />
                Follow candidate
              </label>
            ) : null}
            {readOnly ? <Badge tone="info" dot><Eye aria-hidden="true" className="size-3" /> Read-only</Badge> : null}
          </div>
        </div>
        <div className="min-h-0 flex-1">
          {!shared || !synced ? (
            <p role="status" className="flex items-center gap-2 p-4 text-sm text-fg-muted"><Spinner size="sm" /> Loading the workspace…</p>
          ) : text && tabs.active && awareness ? (
            <CodeEditor
              key={tabs.active}
              path={tabs.active}
              text={text}
              awareness={awareness}
              readOnly={readOnly}
              label={watching ? "Candidate's code (read-only)" : readOnly ? "Code editor (read-only)" : "Code editor"}
              onPaste={onPaste}
              followCandidate={watching && following}
            />
          ) : (
            <p className="p-4 text-sm text-fg-muted">{paths.length === 0 ? "The workspace is empty." : "Open a file from the tree."}</p>
          )}
        </div>
      </div>
      {files && !readOnly ? (
        <FileDialogs
          state={dialog}
          paths={paths}
          onClose={() => setDialog(null)}
          onCreate={(path) => (createFile(files, path), dispatch({ type: "open", path }))}
          onRename={(from, to) => renameFile(files, from, to)}
          onDelete={(path) => deleteFile(files, path)}
        />
      ) : null}
    </section>
  );
}
