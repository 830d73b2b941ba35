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
  const closed = new Set(options.closed ?? []);
  const outgoing = new Map<string, Road[]>();
  for (const road of roads) {
    if (!Number.isFinite(road.minutes) || road.minutes < 0) throw new RangeError(`road ${road.from} -> ${road.to} has invalid minutes ${road.minutes}`);
    if (closed.has(road.from) || closed.has(road.to)) continue;
    const list = outgoing.get(road.from);
    if (list) list.push(road);
    else outgoing.set(road.from, [road]);
  }
  if (closed.has(start) || closed.has(goal)) return null;

  // Dijkstra with lazy deletion: stale heap entries are skipped when popped.
  const best = new Map<string, number>([[start, 0]]);
  const previous = new Map<string, string>();
  const done = new Set<string>();
  const heap = new MinHeap();
  heap.push(0, start);
  done.add(start);
  while (heap.size > 0) {
    const [minutes, node] = heap.pop();
    if (node === goal) return { minutes, path: pathTo(goal, previous) };
    for (const road of outgoing.get(node) ?? []) {
      const candidate = minutes + road.minutes;
      // Wrong: an intersection is final as soon as it is first reached, like a breadth-first search.
      if (!done.has(road.to)) {
        done.add(road.to);
        best.set(road.to, candidate);
        previous.set(road.to, node);
        heap.push(candidate, road.to);
      }
    }
  }
  return null;
}

function pathTo(goal: string, previous: Map<string, string>): string[] {
  const path = [goal];
  for (let node = previous.get(goal); node !== undefined; node = previous.get(node)) path.push(node);
  return path.reverse();
}

/** Binary min-heap of (priority, value) pairs in two parallel arrays. */
class MinHeap {
  private readonly priorities: number[] = [];
  private readonly values: string[] = [];

  get size(): number {
    return this.values.length;
  }

  push(priority: number, value: string): void {
    let i = this.values.length;
    this.priorities.push(priority);
    this.values.push(value);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.priorities[parent]! <= priority) break;
      this.move(parent, i);
      i = parent;
    }
    this.priorities[i] = priority;
    this.values[i] = value;
  }

  pop(): [number, string] {
    const top: [number, string] = [this.priorities[0]!, this.values[0]!];
    const lastPriority = this.priorities.pop()!;
    const lastValue = this.values.pop()!;
    const n = this.values.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= n) break;
        if (child + 1 < n && this.priorities[child + 1]! < this.priorities[child]!) child++;
        if (this.priorities[child]! >= lastPriority) break;
        this.move(child, i);
        i = child;
      }
      this.priorities[i] = lastPriority;
      this.values[i] = lastValue;
    }
    return top;
  }

  private move(from: number, to: number): void {
    this.priorities[to] = this.priorities[from]!;
    this.values[to] = this.values[from]!;
  }
}
