// Who is in the room. The candidate sees that reviewers may watch (as the consent page
// said) and who is watching now; reviewers see the candidate and each other.
import { Avatar, Tooltip } from "@interviewlm/ui";
import { Eye } from "@interviewlm/ui/icons";
import type { Participant, RoomRole } from "@interviewlm/realtime";

export interface PresenceBarProps {
  participants: Participant[];
  /** Whose screen this is: the wording differs. */
  viewer: RoomRole;
  /** Our own connection, marked "you". */
  connectionId: string | null;
  /**
   * The interview has finished: the candidate's browser may still be connected (on the
   * thank-you page), but they are not working any more, so reviewers are not told "online".
   */
  finished?: boolean;
}

/** One entry per person: a reviewer with two tabs open is one watcher. */
function uniquePeople(participants: Participant[]): Participant[] {
  const byUser = new Map<string, Participant>();
  for (const p of participants) if (!byUser.has(`${p.role}:${p.userId}`)) byUser.set(`${p.role}:${p.userId}`, p);
  return [...byUser.values()];
}

export function PresenceBar({ participants, viewer, connectionId, finished = false }: PresenceBarProps) {
  const me = participants.find((p) => p.connectionId === connectionId);
  const people = uniquePeople(participants);
  const reviewers = people.filter((p) => p.role === "reviewer");
  const candidate = finished ? undefined : people.find((p) => p.role === "candidate");
  const isMe = (p: Participant) => me !== undefined && p.userId === me.userId && p.role === me.role;

  const summary =
    viewer === "candidate"
      ? reviewers.length === 0
        ? "Reviewers may watch this session live"
        : `${reviewers.length} reviewer${reviewers.length === 1 ? " is" : "s are"} watching`
      : `${finished ? "The interview has finished" : candidate ? `${candidate.name} is online` : "The candidate is offline"} · ${reviewers.length} watching`;

  return (
    <div className="flex items-center gap-2" aria-label="People in this session" role="group">
      <Eye aria-hidden="true" className="size-3.5 text-fg-subtle" />
      <span aria-live="polite" className="text-xs text-fg-muted">{summary}</span>
      <ul className="flex -space-x-1.5">
        {[...(candidate ? [candidate] : []), ...reviewers].map((p) => {
          const label = `${p.name}${isMe(p) ? " (you)" : ""} — ${p.role === "candidate" ? "candidate" : "reviewer"}`;
          return (
            <li key={`${p.role}:${p.userId}`}>
              <Tooltip content={label}>
                <span tabIndex={0} role="img" aria-label={label} className="block rounded-full ring-2 ring-canvas">
                  <Avatar name={p.name} size="sm" decorative />
                </span>
              </Tooltip>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
