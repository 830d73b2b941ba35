import { describe, expect, it } from "vitest";
import { rubyDeclaredTests } from "./ruby-declared-tests.ts";

describe("rubyDeclaredTests", () => {
  const source = [
    'require "minitest/autorun"',
    "",
    "module Shop",
    "  class CartTest < Minitest::Test",
    "    def setup",
    "      @cart = []",
    "    end",
    "",
    "    def test_empty?",
    "      assert_empty @cart",
    "    end",
    "",
    "    def helper_not_a_test",
    "    end",
    "  end",
    "end",
    "",
    "class Shop::TotalTest < Minitest::Test",
    "  def test_adds_prices; end",
    "  def test_adds_prices; end",
    "end",
  ].join("\n");

  it("names each test_ method after the class above it, as the runner reports it (within any module)", () => {
    const declared = rubyDeclaredTests("test/cart_test.rb", source);
    expect(declared.map((t) => t.name)).toEqual(["CartTest#test_empty?", "Shop::TotalTest#test_adds_prices"]);
    expect(declared.every((t) => t.file === "test/cart_test.rb")).toBe(true);
    expect(declared[0]!.matches("Shop::CartTest#test_empty?")).toBe(true);
    expect(declared[0]!.matches("OtherCartTest#test_empty?")).toBe(false);
    expect(declared[1]!.matches("Shop::TotalTest#test_adds_prices")).toBe(true);
    expect(declared[1]!.matches("Shop::TotalTest#test_adds")).toBe(false);
  });
});
