// The moment a page becomes interactive: React has hydrated the whole document and run its
// effects, so handlers are attached. A performance mark (its startTime is milliseconds since
// the navigation began) and an attribute on <html>, for the production bench's time to
// interactive (bench/production) and for anything that must wait for the page to take input.
export const HYDRATED_MARK = "interviewlm:hydrated";

export function markHydrated(): void {
  if (performance.getEntriesByName(HYDRATED_MARK).length === 0) performance.mark(HYDRATED_MARK);
  document.documentElement.dataset.hydrated = "true";
}
