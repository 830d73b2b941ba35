import { Badge } from "@interviewlm/ui";
import { topicLabel } from "./labels";

export function TopicList({ topics, label }: { topics: readonly string[]; label: string }) {
  if (topics.length === 0) return <span className="text-fg-subtle">—</span>;
  return (
    <ul aria-label={label} className="flex flex-wrap gap-1">
      {topics.map((topic) => (
        <li key={topic}>
          <Badge>{topicLabel(topic)}</Badge>
        </li>
      ))}
    </ul>
  );
}
