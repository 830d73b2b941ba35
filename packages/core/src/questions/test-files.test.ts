import { describe, expect, it } from "vitest";
import { isTestFilePath } from "./test-files.ts";

describe("isTestFilePath for Ruby", () => {
  it("takes the files the Ruby runner loads: test_*.rb and *_test.rb, in any folder", () => {
    for (const path of ["test_cart.rb", "cart_test.rb", "test/cart_test.rb", "spec/test_cart.rb"]) expect(isTestFilePath("ruby", path), path).toBe(true);
  });

  it("leaves other Ruby files and other languages' tests alone", () => {
    for (const path of ["cart.rb", "contest.rb", "lib/test_data/cart.rb", "cart_test.py", "cart_test.rb.txt"]) expect(isTestFilePath("ruby", path), path).toBe(false);
  });
});
