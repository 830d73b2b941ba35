// Whether the report's moments link into the replay. The replay needs a member's sign-in, so a
// report opened through a share link (docs/decisions/0142) names each moment without a link.
import { createContext, useContext } from "react";

const ReplayLinksContext = createContext(true);

export const ReplayLinksProvider = ReplayLinksContext.Provider;

export function useReplayLinks(): boolean {
  return useContext(ReplayLinksContext);
}
