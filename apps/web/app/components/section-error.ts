// What a page inside the app says when its loader or render fails: one wording per kind of
// failure (not found, not allowed, invalid, our fault), and where to go next — back to the
// section the page belongs to, or the dashboard. Pure, so it is tested without a browser.

export interface SectionErrorView {
  status: number;
  title: string;
  message: string;
  /** Next steps, most useful first. `reload` re-requests the current page. */
  next: { to: string; label: string; reload?: boolean }[];
}

const SECTIONS: { prefix: string; to: string; label: string }[] = [
  { prefix: "/app/assessments", to: "/app/assessments", label: "Back to assessments" },
  { prefix: "/app/candidates", to: "/app/candidates", label: "Back to candidates" },
  { prefix: "/app/live", to: "/app/live", label: "Back to Live now" },
  { prefix: "/app/questions", to: "/app/questions", label: "Back to the question bank" },
  { prefix: "/app/settings", to: "/app/settings/profile", label: "Back to settings" },
];

const DASHBOARD = { to: "/app", label: "Go to the dashboard" };

/** The section list a path belongs to, unless the path is that list itself. */
function sectionOf(pathname: string) {
  const section = SECTIONS.find((s) => pathname === s.prefix || pathname.startsWith(`${s.prefix}/`));
  return section && section.to !== pathname ? { to: section.to, label: section.label } : null;
}

/**
 * `status` and `detail` come from a thrown Response (detail: its text, written for people by
 * the procedures); anything else is an unexpected error, status 500, whose detail is not shown.
 */
export function describeSectionError(pathname: string, status: number, detail: string | null): SectionErrorView {
  const back = sectionOf(pathname);
  const nav = back ? [back, DASHBOARD] : [DASHBOARD];
  if (status === 404) {
    return {
      status,
      title: "Not found",
      message: "There is nothing at this address in your organization. It may have been deleted, or the link may be wrong or for another organization.",
      next: nav,
    };
  }
  if (status === 403) {
    return {
      status,
      title: "You don't have access to this",
      message: `${detail ? `${detail} ` : ""}Your role in this organization does not allow it. An owner or admin can change your role.`,
      next: nav,
    };
  }
  if (status >= 400 && status < 500) {
    return {
      status,
      title: "This request could not be handled",
      message: detail || "Check the address or the values you entered, then try again.",
      next: nav,
    };
  }
  return {
    status: status >= 500 ? status : 500,
    title: "Something went wrong on our side",
    message: "This page could not be loaded. Your data is safe. Try again in a moment; if it keeps failing, tell us what you were doing.",
    next: [{ to: pathname, label: "Try again", reload: true }, ...nav],
  };
}
