import { buttonClasses } from "@interviewlm/ui";
import { Link, useLocation } from "@remix-run/react";

/** Previous / next links that keep the current filters in the query string. */
export function Pagination({ page, pageCount, total }: { page: number; pageCount: number; total: number }) {
  const location = useLocation();
  if (pageCount <= 1) return null;
  const hrefFor = (target: number) => {
    const params = new URLSearchParams(location.search);
    params.set("page", String(target));
    return `${location.pathname}?${params.toString()}`;
  };
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-3 pt-3 text-sm text-fg-muted">
      <p>
        Page {page} of {pageCount} · {total} candidates
      </p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link to={hrefFor(page - 1)} className={buttonClasses({ variant: "secondary", size: "sm" })} rel="prev">
            Previous
          </Link>
        ) : null}
        {page < pageCount ? (
          <Link to={hrefFor(page + 1)} className={buttonClasses({ variant: "secondary", size: "sm" })} rel="next">
            Next
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
