import { Badge } from "@interviewlm/ui";

/**
 * Marks a capability the product promises but does not do yet, so the landing page never sells a
 * feature before it works. Remove the mark in the change that ships the feature.
 */
export function InDevelopment() {
  return (
    <Badge tone="info" className="ml-2 align-middle">
      In development
    </Badge>
  );
}
