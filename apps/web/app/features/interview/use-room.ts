// React binding of the room's control channel. The socket is created after hydration (the
// server render shows the "connecting" state) and lives as long as the room and host do;
// a refreshed token does not reconnect, it is used on the next (re)connect.
import type { ClientMessage } from "@interviewlm/realtime";
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { RoomClient } from "./room-client";
import { INITIAL_ROOM_STATE, type RoomState } from "./room-state";
import type { TerminalStream } from "./terminal-stream";
import type { SharedDoc } from "./use-y-doc";

export interface RoomAccess {
  roomHost: string;
  roomToken: string;
  sessionId: string;
}

export interface Room {
  state: RoomState;
  /** null before hydration. */
  terminal: TerminalStream | null;
  /** false when the room is not connected (nothing is queued for later). */
  send: (message: ClientMessage) => boolean;
  reconnect: () => void;
}

const noSubscription = () => () => {};
const initialState = () => INITIAL_ROOM_STATE;

/** `onAccessRevoked`: the room refused this person's token (removed, or a new role); refresh it. */
export function useRoom({ roomHost, roomToken, sessionId }: RoomAccess, onAccessRevoked?: () => void): Room {
  const tokenRef = useRef(roomToken);
  tokenRef.current = roomToken;
  const revokedRef = useRef(onAccessRevoked);
  revokedRef.current = onAccessRevoked;
  const [client, setClient] = useState<RoomClient | null>(null);

  useEffect(() => {
    const next = new RoomClient({ roomHost, sessionId, getToken: () => tokenRef.current, onAccessRevoked: () => revokedRef.current?.() });
    setClient(next);
    return () => next.close();
  }, [roomHost, sessionId]);

  const state = useSyncExternalStore(client?.subscribe ?? noSubscription, client?.getState ?? initialState, initialState);
  const send = useCallback((message: ClientMessage) => client?.send(message) ?? false, [client]);
  const reconnect = useCallback(() => client?.reconnect(), [client]);
  return { state, terminal: client?.terminal ?? null, send, reconnect };
}

/** "Retry now": skip the backoff wait of whichever connection is down, leave the other alone. */
export function retryConnections(room: Room, shared: SharedDoc | null): void {
  if (room.state.connection !== "open") room.reconnect();
  if (shared && shared.status === "disconnected") shared.provider.connect();
}
