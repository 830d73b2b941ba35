// Other people's awareness reaches this editor's DOM (caret labels, selection colours). The
// room already drops invalid users; this is the second check, right where the editor reads
// them: a state whose `user` fails the shared schema is shown without one (an anonymous caret
// in the default colour), never with its name or colour.
import { awarenessUserOf } from "@interviewlm/realtime";
import type YProvider from "y-partykit/provider";

type Awareness = YProvider["awareness"];

export function safeStates(states: Map<number, Record<string, unknown>>): Map<number, Record<string, unknown>> {
  const safe = new Map<number, Record<string, unknown>>();
  for (const [clientId, state] of states) {
    if (state && typeof state === "object" && "user" in state && !awarenessUserOf(state)) {
      const { user: _dropped, ...rest } = state;
      safe.set(clientId, rest);
    } else {
      safe.set(clientId, state);
    }
  }
  return safe;
}

/** The awareness as the editor should see it: every state's `user` valid or absent. */
export function withSafeUsers(awareness: Awareness): Awareness {
  return new Proxy(awareness, {
    get(target, property) {
      if (property === "getStates") return () => safeStates(target.getStates());
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
