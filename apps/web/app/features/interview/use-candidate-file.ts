// Which file the candidate has in front of them, from Yjs awareness (each editor publishes
// its active file next to its cursor), so a reviewer's view can follow along.
import { useEffect, useState } from "react";
import type YProvider from "y-partykit/provider";
import type { AwarenessUser } from "./use-y-doc";

type Awareness = YProvider["awareness"];

export function publishActiveFile(awareness: Awareness, path: string | null): void {
  awareness.setLocalStateField("activeFile", path);
}

function candidateFile(awareness: Awareness): string | null {
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID) continue;
    const user = (state as { user?: Partial<AwarenessUser> }).user;
    const activeFile = (state as { activeFile?: unknown }).activeFile;
    if (user?.role === "candidate" && typeof activeFile === "string") return activeFile;
  }
  return null;
}

export function useCandidateFile(awareness: Awareness | null): string | null {
  const [path, setPath] = useState<string | null>(null);
  useEffect(() => {
    if (!awareness) return;
    const update = () => setPath(candidateFile(awareness));
    update();
    awareness.on("change", update);
    return () => awareness.off("change", update);
  }, [awareness]);
  return path;
}
