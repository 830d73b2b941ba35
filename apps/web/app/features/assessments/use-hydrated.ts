import { useEffect, useState } from "react";

/**
 * False during the server render and the first client render, true afterwards: parts of a
 * form that only work with JavaScript switch on here, so the plain-HTML form is what
 * renders (and still works) until the scripts have loaded.
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
