// The shared editor document over the room's Yjs channel (y-partykit). `files` is the
// workspace: a Y.Map from workspace path to Y.Text, mirrored to the sandbox by the room.
import type { RoomRole } from "@interviewlm/realtime";
import { useEffect, useRef, useState } from "react";
import YProvider from "y-partykit/provider";
import * as Y from "yjs";
import { colorFor } from "./collaborator-colors";
import { roomEndpoint } from "./room-host";
import type { RoomAccess } from "./use-room";

export interface AwarenessUser {
  id: string;
  name: string;
  role: RoomRole;
  /** y-codemirror.next reads name, color and colorLight for remote carets. */
  color: string;
  colorLight: string;
}

export type YStatus = "connecting" | "connected" | "disconnected";

export interface SharedDoc {
  doc: Y.Doc;
  files: Y.Map<Y.Text>;
  provider: YProvider;
  status: YStatus;
  /** The first full sync with the room has happened: the file list is real, not empty. */
  synced: boolean;
}

/** `user` comes from the room's welcome (the token's identity); until then no awareness is sent. */
export function useYDoc(access: RoomAccess, user: Pick<AwarenessUser, "id" | "name" | "role"> | null): SharedDoc | null {
  const { roomHost, roomToken, sessionId } = access;
  const tokenRef = useRef(roomToken);
  tokenRef.current = roomToken;
  const [shared, setShared] = useState<Omit<SharedDoc, "status" | "synced"> | null>(null);
  const [status, setStatus] = useState<YStatus>("connecting");
  const [synced, setSynced] = useState(false);

  useEffect(() => {
    const doc = new Y.Doc();
    const { host, protocol } = roomEndpoint(roomHost);
    const provider = new YProvider(host, sessionId, doc, {
      party: "main",
      protocol,
      params: () => ({ token: tokenRef.current, channel: "yjs" }),
      // Tabs of one browser would otherwise sync through BroadcastChannel, around the room:
      // the room is the authority (reviewers are read-only) and records every update.
      disableBc: true,
      maxBackoffTime: 10_000,
    });
    // Its retries report "connecting" again; after a first connection that still means lost.
    const onStatus = ({ status: next }: { status: YStatus }) =>
      setStatus((prev) => (next === "connecting" && prev !== "connecting" ? "disconnected" : next));
    const onSynced = (isSynced: boolean) => setSynced(isSynced);
    provider.on("status", onStatus);
    provider.on("sync", onSynced);
    setShared({ doc, files: doc.getMap<Y.Text>("files"), provider });
    return () => {
      provider.off("status", onStatus);
      provider.off("sync", onSynced);
      provider.destroy();
      doc.destroy();
      setShared(null);
      setSynced(false);
      setStatus("connecting");
    };
  }, [roomHost, sessionId]);

  // y-partykit reads `params` only on connect(); its own retries reuse the last URL, so a
  // refreshed token is written into that URL for the next retry.
  useEffect(() => {
    if (!shared) return;
    const url = new URL(shared.provider.url);
    url.searchParams.set("token", roomToken);
    shared.provider.url = url.toString();
  }, [shared, roomToken]);

  // Same as the control channel: drop at once when the browser goes offline (so the banner
  // shows and edits queue locally), retry at once when it is back.
  useEffect(() => {
    if (!shared) return;
    const restart = () => {
      shared.provider.disconnect();
      shared.provider.connect();
    };
    window.addEventListener("offline", restart);
    window.addEventListener("online", restart);
    return () => {
      window.removeEventListener("offline", restart);
      window.removeEventListener("online", restart);
    };
  }, [shared]);

  const id = user?.id;
  const name = user?.name;
  const role = user?.role;
  useEffect(() => {
    if (!shared || !id || !name || !role) return;
    shared.provider.awareness.setLocalStateField("user", { id, name, role, ...colorFor(`${role}:${id}`) } satisfies AwarenessUser);
  }, [shared, id, name, role]);

  return shared ? { ...shared, status, synced } : null;
}
