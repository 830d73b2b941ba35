// The workspace's file list as React state, plus renames recognised as such: a rename is a
// delete and a set in one transaction, and open tabs should follow the file, not close.
import { useEffect, useRef, useState } from "react";
import type * as Y from "yjs";
import { sortedPaths } from "./workspace-files";

export interface FileMove {
  from: string;
  to: string;
}

export function useWorkspaceFiles(files: Y.Map<Y.Text> | null, onMove?: (move: FileMove) => void): string[] {
  const [paths, setPaths] = useState<string[]>(() => (files ? sortedPaths(files.keys()) : []));
  const onMoveRef = useRef(onMove);
  onMoveRef.current = onMove;

  useEffect(() => {
    if (!files) {
      setPaths([]);
      return;
    }
    setPaths(sortedPaths(files.keys()));
    const observer = (event: Y.YMapEvent<Y.Text>) => {
      setPaths(sortedPaths(files.keys()));
      const added: string[] = [];
      const deleted: string[] = [];
      for (const [key, change] of event.changes.keys) {
        if (change.action === "add") added.push(key);
        if (change.action === "delete") deleted.push(key);
      }
      if (added.length === 1 && deleted.length === 1) onMoveRef.current?.({ from: deleted[0]!, to: added[0]! });
    };
    files.observe(observer);
    return () => files.unobserve(observer);
  }, [files]);

  return paths;
}
