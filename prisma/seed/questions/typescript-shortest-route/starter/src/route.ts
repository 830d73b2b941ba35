export interface Road {
  from: string;
  to: string;
  minutes: number;
}

export interface Route {
  minutes: number;
  /** Intersections from start to goal, both included. */
  path: string[];
}

/** The fastest route from start to goal avoiding closed intersections, or null. */
export function fastestRoute(roads: readonly Road[], start: string, goal: string, options: { closed?: Iterable<string> } = {}): Route | null {
  throw new Error("Not implemented");
}
