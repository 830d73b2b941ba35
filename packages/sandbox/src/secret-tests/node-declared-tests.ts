import { parse, type Node } from "acorn";
import { transform } from "esbuild";
import { type DeclaredTest, type NameSegment, declaredTest, uniqueByName } from "./declared-tests.ts";

// The node:test tests a file declares, from its syntax tree: calls of test / it (leaves) and
// describe / suite (groups), also as `.skip` / `.only` / `.todo` and as subtests (`t.test`).
// The reporter names a leaf "group > … > leaf". A name given as a template literal keeps its
// literal parts ("doubles …" for `doubles ${n}`) and stands for every name it can produce;
// a name only known at run time becomes "…". TypeScript is stripped by esbuild first.

const LEAVES = new Set(["test", "it"]);
const GROUPS = new Set(["describe", "suite"]);
const MODIFIERS = new Set(["skip", "only", "todo"]);

type AnyNode = Node & Record<string, unknown>;

export async function nodeDeclaredTests(file: string, source: string): Promise<DeclaredTest[]> {
  const { code } = await transform(source, { loader: /\.m?ts$/.test(file) ? "ts" : "js", format: "esm", target: "esnext", sourcefile: file });
  const program = parse(code, { ecmaVersion: "latest", sourceType: "module" }) as unknown as AnyNode;
  const tests: DeclaredTest[] = [];
  visit(program, [], (segments) => tests.push(declaredTest(file, segments)));
  return uniqueByName(tests);
}

/** Walks the tree; returns whether it found a test call (so a test with subtests is a group, not a leaf). */
function visit(node: AnyNode, enclosing: NameSegment[], found: (segments: NameSegment[]) => void): boolean {
  const kind = node.type === "CallExpression" ? testCallKind(node.callee as AnyNode) : null;
  if (kind) {
    const args = node.arguments as AnyNode[];
    const segments = [...enclosing, nameOf(args[0])];
    let nested = false;
    for (const arg of args) nested = visit(arg, segments, found) || nested;
    if (kind === "leaf" && !nested) found(segments);
    return true;
  }
  let any = false;
  for (const [key, value] of Object.entries(node)) {
    if (key === "type" || key === "start" || key === "end") continue;
    for (const child of Array.isArray(value) ? value : [value]) {
      if (isNode(child)) any = visit(child, enclosing, found) || any;
    }
  }
  return any;
}

function testCallKind(callee: AnyNode): "leaf" | "group" | null {
  const name = calleeName(callee);
  if (name === null) return null;
  return LEAVES.has(name) ? "leaf" : GROUPS.has(name) ? "group" : null;
}

/** test, it.skip, t.test, nodeTest.describe → test, it, test, describe. */
function calleeName(callee: AnyNode): string | null {
  if (callee.type === "Identifier") return callee.name as string;
  if (callee.type !== "MemberExpression" || callee.computed) return null;
  const property = (callee.property as AnyNode).name as string;
  if (MODIFIERS.has(property)) return calleeName(callee.object as AnyNode);
  return LEAVES.has(property) || GROUPS.has(property) ? property : null;
}

function nameOf(arg: AnyNode | undefined): NameSegment {
  if (arg?.type === "Literal" && typeof arg.value === "string") return { exact: arg.value };
  if (arg?.type === "TemplateLiteral") {
    const parts = (arg.quasis as AnyNode[]).map((q) => ((q.value as { cooked: string | null }).cooked ?? ""));
    return parts.length === 1 ? { exact: parts[0]! } : { parts };
  }
  return { parts: ["", ""] };
}

function isNode(value: unknown): value is AnyNode {
  return typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string";
}
