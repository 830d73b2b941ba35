/**
 * Calls fn(item, index) for every item with at most `limit` calls in flight, and resolves with
 * the results in input order. The rules are in the statement.
 */
export function mapLimit(items, limit, fn) {
  if (!Number.isInteger(limit) || limit < 1) {
    return Promise.reject(new RangeError(`limit must be an integer >= 1, got ${String(limit)}`));
  }
  return new Promise((resolve, reject) => {
    const results = new Array(items.length);
    let started = 0;
    let settled = 0;
    let failed = false;

    // Each settled call starts at most one more, so the number in flight never grows.
    const startNext = () => {
      const index = started;
      started += 1;
      // Through a promise so a synchronous throw in fn becomes a rejection like any other.
      Promise.resolve()
        .then(() => fn(items[index], index))
        .then(
          (value) => {
            results[index] = value;
            settled += 1;
            if (settled === items.length) resolve(results);
            else if (!failed && started < items.length) startNext();
          },
          (error) => {
            failed = true;
            reject(error);
          },
        );
    };

    if (items.length === 0) resolve(results);
    for (let i = 0; i < Math.min(limit, items.length); i += 1) startNext();
  });
}
