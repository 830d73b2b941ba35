import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { pageWindow, paginate } from "./paginate";

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe("paginate", () => {
  it("returns the first page", () => {
    assert.deepEqual(paginate(range(25), 1, 10), {
      items: range(10),
      page: 1,
      pageSize: 10,
      totalItems: 25,
      totalPages: 3,
      hasPrevious: false,
      hasNext: true,
    });
  });

  it("returns a shorter last page", () => {
    const page = paginate(range(21), 3, 10);
    assert.deepEqual(page.items, [21]);
    assert.equal(page.totalPages, 3);
    assert.equal(page.hasNext, false);
  });

  it("shows an empty list as one empty page", () => {
    const page = paginate([], 1, 10);
    assert.deepEqual([page.items, page.page, page.totalPages], [[], 1, 1]);
  });
});

describe("pageWindow", () => {
  it("centres the window on the current page", () => {
    assert.deepEqual(pageWindow(5, 10, 5), [3, 4, 5, 6, 7]);
  });

  it("keeps the full width near the last page", () => {
    assert.deepEqual(pageWindow(10, 10, 5), [6, 7, 8, 9, 10]);
  });
});
