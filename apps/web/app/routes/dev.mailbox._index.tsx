import { EmptyState } from "@interviewlm/ui";

export default function NoMessageSelected() {
  return <EmptyState title="Select a message" description="Pick a message on the left to read it." />;
}
