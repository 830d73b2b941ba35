export { replaySummary, replayEvents, replayFrame, terminalCommands, requireReplaySession, replaySessionOfCandidate, type ReplayFrame, type ReplaySummary, type ReplayEventItem, type ReplayMarker, type TerminalCommand, type ReplaySession } from "./read.ts";
export { ReplaySessionInput, ReplayFrameInput, ReplayEventsInput } from "./schemas.ts";
export { ensureKeyframes, KEYFRAME_EVERY_EVENTS, KEYFRAME_EVERY_MS } from "./keyframes.ts";
export { stateAt, frameStateAt } from "./seek.ts";
export { ReplayState, type ReplayCursor } from "./replay-state.ts";
export { REPLAY_TRACKS, TRACK_OF, eventLabel, type ReplayTrack } from "./tracks.ts";
export { probeAt, type ReplayProbe } from "./probe.ts";
export { probeTerminalTicket, probeTerminalKeys, verifyProbeTerminalTicket, ProbeTerminalInput, PROBE_TERMINAL_PURPOSE, type ProbeTerminalClaims } from "./probe-terminal.ts";
