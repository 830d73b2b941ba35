// Runs the items in groups of `limit` and waits for a whole group before starting the next:
// correct results, but one slow call holds back every free slot.
export async function mapLimit(items, limit, fn) {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be an integer >= 1, got ${String(limit)}`);
  const results = [];
  for (let start = 0; start < items.length; start += limit) {
    const group = items.slice(start, start + limit).map((item, offset) => Promise.resolve().then(() => fn(item, start + offset)));
    results.push(...(await Promise.all(group)));
  }
  return results;
}
