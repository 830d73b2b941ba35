/**
 * Calls fn(item, index) for every item with at most `limit` calls in flight, and resolves with
 * the results in input order. The rules are in the statement.
 */
export function mapLimit(items, limit, fn) {
  return Promise.reject(new Error("Not implemented"));
}
