import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { pageWindow, paginate } from "./paginate";

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe("paginate: page counts", () => {
  const cases: Array<[number, number, number]> = [
    [0, 10, 1],
    [1, 10, 1],
    [10, 10, 1],
    [11, 10, 2],
    [21, 10, 3],
    [24, 10, 3],
    [25, 10, 3],
    [26, 10, 3],
    [100, 1, 100],
    [101, 100, 2],
  ];
  for (const [total, size, pages] of cases) {
    it(`${total} items in pages of ${size} make ${pages} page(s)`, () => {
      assert.equal(paginate(range(total), 1, size).totalPages, pages);
    });
  }
});

describe("paginate: clamping", () => {
  it("shows the last page for a page past the end", () => {
    const page = paginate(range(21), 7, 10);
    assert.deepEqual([page.page, page.items, page.hasNext, page.hasPrevious], [3, [21], false, true]);
  });

  it("shows the first page for zero or negative pages", () => {
    for (const requested of [0, -3]) {
      const page = paginate(range(21), requested, 10);
      assert.deepEqual([page.page, page.items.length, page.hasPrevious], [1, 10, false]);
    }
  });

  it("shows page 1 of an empty list whatever page is asked for", () => {
    assert.deepEqual(paginate([], 4, 10), { items: [], page: 1, pageSize: 10, totalItems: 0, totalPages: 1, hasPrevious: false, hasNext: false });
  });

  it("returns a middle page with both neighbours", () => {
    const page = paginate(range(30), 2, 10);
    assert.deepEqual([page.items, page.hasPrevious, page.hasNext], [range(20).slice(10), true, true]);
  });
});

describe("paginate: validation", () => {
  for (const pageSize of [0, -1, 101, 2.5, Number.NaN]) {
    it(`rejects pageSize ${pageSize}`, () => {
      assert.throws(() => paginate(range(5), 1, pageSize), RangeError);
    });
  }

  for (const page of [1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
    it(`rejects page ${page}`, () => {
      assert.throws(() => paginate(range(5), page, 10), RangeError);
    });
  }

  it("does not modify the input", () => {
    const items = Object.freeze(range(15));
    paginate(items, 2, 10);
    assert.deepEqual(items, range(15));
  });
});

describe("pageWindow: more cases", () => {
  const cases: Array<[number, number, number, number[]]> = [
    [5, 10, 4, [4, 5, 6, 7]],
    [1, 10, 5, [1, 2, 3, 4, 5]],
    [2, 10, 5, [1, 2, 3, 4, 5]],
    [9, 10, 5, [6, 7, 8, 9, 10]],
    [9, 10, 4, [7, 8, 9, 10]],
    [2, 3, 5, [1, 2, 3]],
    [1, 1, 5, [1]],
    [0, 10, 3, [1, 2, 3]],
    [42, 10, 3, [8, 9, 10]],
    [5, 10, 1, [5]],
    [5, 10, 2, [5, 6]],
  ];
  for (const [current, totalPages, width, expected] of cases) {
    it(`pageWindow(${current}, ${totalPages}, ${width}) is [${expected.join(", ")}]`, () => {
      assert.deepEqual(pageWindow(current, totalPages, width), expected);
    });
  }

  it("rejects invalid sizes", () => {
    assert.throws(() => pageWindow(1, 0, 5), RangeError);
    assert.throws(() => pageWindow(1, 10, 0), RangeError);
    assert.throws(() => pageWindow(1, 10, 2.5), RangeError);
  });
});
