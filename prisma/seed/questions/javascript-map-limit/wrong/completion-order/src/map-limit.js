// Schedules correctly but collects results in the order calls finish, not input order.
export function mapLimit(items, limit, fn) {
  if (!Number.isInteger(limit) || limit < 1) return Promise.reject(new RangeError(`limit must be an integer >= 1, got ${String(limit)}`));
  return new Promise((resolve, reject) => {
    const results = [];
    let started = 0;
    let failed = false;
    const startNext = () => {
      const index = started;
      started += 1;
      Promise.resolve()
        .then(() => fn(items[index], index))
        .then(
          (value) => {
            results.push(value);
            if (results.length === items.length) resolve(results);
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
