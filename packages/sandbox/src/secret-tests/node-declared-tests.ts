import { parse, type Node } from "acorn";
import { transform } from "esbuild";
import { type DeclaredTest, type NameSegment, declaredTest, uniqueByName } from "./declared-tests.ts";

// The node:test tests a file declares, from its syntax tree: calls of test / it (leaves) and
// describe / suite (groups), also as `.skip` / `.only` / `.todo` and as subtests (`t.test`);
// and the Vitest/Jest forms the runner's compatibility module accepts: xit / fit / xtest,
// xdescribe / fdescribe, `.concurrent` and friends, and `.each(table)(name, fn)`, whose printf
// (%s, %i …) and $key placeholders make the name a template.
// The reporter names a leaf "group > … > leaf". A name given as a template literal keeps its
// literal parts ("doubles …" for `doubles ${n}`) and stands for every name it can produce;
// a name only known at run time becomes "…". TypeScript is stripped by esbuild first.

const LEAVES = new Set(["test", "it", "xit", "fit", "xtest"]);
const GROUPS = new Set(["describe", "suite", "xdescribe", "fdescribe"]);
const MODIFIERS = new Set(["skip", "only", "todo", "concurrent", "sequential"]);
/** Name placeholders of `.each`: printf-style and $key / $#. */
const EACH_PLACEHOLDER = /%[sdifjoOp#]|\$[#\w.]+/;

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
    const segments = [...enclosing, isEachCall(node.callee as AnyNode) ? eachNameOf(args[0]) : nameOf(args[0])];
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

/** test, it.skip, t.test, nodeTest.describe, it.each([...]), it.skipIf(x) → test, it, test, describe, it, it. */
function calleeName(callee: AnyNode): string | null {
  if (callee.type === "Identifier") return callee.name as string;
  if (callee.type === "CallExpression" && (isEachCall(callee) || isConditionCall(callee))) return calleeName((callee.callee as AnyNode).object as AnyNode);
  if (callee.type !== "MemberExpression" || callee.computed) return null;
  const property = (callee.property as AnyNode).name as string;
  if (MODIFIERS.has(property)) return calleeName(callee.object as AnyNode);
  return LEAVES.has(property) || GROUPS.has(property) ? property : null;
}

/** `it.each(table)` — the callee of the call that names the tests. */
function isEachCall(node: AnyNode): boolean {
  return node.type === "CallExpression" && isMember(node.callee as AnyNode, "each");
}

/** Vitest's `it.skipIf(condition)` / `it.runIf(condition)`. */
function isConditionCall(node: AnyNode): boolean {
  return isMember(node.callee as AnyNode, "skipIf") || isMember(node.callee as AnyNode, "runIf");
}

function isMember(node: AnyNode, property: string): boolean {
  return node.type === "MemberExpression" && !node.computed && (node.property as AnyNode).name === property;
}

/** An `.each` name: its placeholders stand for anything, like a template literal's expressions. */
function eachNameOf(arg: AnyNode | undefined): NameSegment {
  const segment = nameOf(arg);
  if (!("exact" in segment) || !EACH_PLACEHOLDER.test(segment.exact)) return segment;
  return { parts: segment.exact.split(new RegExp(EACH_PLACEHOLDER, "g")) };
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
