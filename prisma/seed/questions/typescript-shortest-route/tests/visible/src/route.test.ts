import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fastestRoute, type Road } from "./route";

const roads: Road[] = [
  { from: "depot", to: "a", minutes: 4 },
  { from: "depot", to: "b", minutes: 1 },
  { from: "b", to: "a", minutes: 2 },
  { from: "a", to: "shop", minutes: 5 },
  { from: "b", to: "shop", minutes: 9 },
];

describe("fastestRoute", () => {
  it("finds the fastest route, not the one with fewest roads", () => {
    assert.deepEqual(fastestRoute(roads, "depot", "shop"), { minutes: 8, path: ["depot", "b", "a", "shop"] });
  });

  it("avoids closed intersections", () => {
    assert.deepEqual(fastestRoute(roads, "depot", "shop", { closed: ["a"] }), { minutes: 10, path: ["depot", "b", "shop"] });
  });

  it("respects one-way roads", () => {
    assert.equal(fastestRoute(roads, "shop", "depot"), null);
  });

  it("is already there when start is the goal", () => {
    assert.deepEqual(fastestRoute(roads, "b", "b"), { minutes: 0, path: ["b"] });
  });
});
