// The file tree as rows: folders are derived from the paths (the workspace map only holds
// files), listed before files, and hidden while collapsed. Rows drive a WAI-ARIA tree.

export interface TreeRow {
  /** The file's path, or the folder's path without a trailing slash. */
  path: string;
  name: string;
  kind: "file" | "folder";
  /** 1-based, as aria-level wants. */
  depth: number;
  /** Folders only. */
  expanded?: boolean;
  /** The containing folder's path, "" at the top. */
  parent: string;
}

interface FolderNode {
  folders: Map<string, FolderNode>;
  files: string[];
}

const byName = (a: string, b: string) => a.localeCompare(b, "en", { sensitivity: "base", numeric: true });

function buildFolders(paths: Iterable<string>): FolderNode {
  const root: FolderNode = { folders: new Map(), files: [] };
  for (const path of paths) {
    const segments = path.split("/");
    let node = root;
    for (const segment of segments.slice(0, -1)) {
      let child = node.folders.get(segment);
      if (!child) node.folders.set(segment, (child = { folders: new Map(), files: [] }));
      node = child;
    }
    node.files.push(segments[segments.length - 1]!);
  }
  return root;
}

export function treeRows(paths: Iterable<string>, collapsed: ReadonlySet<string>): TreeRow[] {
  const rows: TreeRow[] = [];
  const walk = (node: FolderNode, prefix: string, depth: number) => {
    for (const name of [...node.folders.keys()].sort(byName)) {
      const path = prefix ? `${prefix}/${name}` : name;
      const expanded = !collapsed.has(path);
      rows.push({ path, name, kind: "folder", depth, expanded, parent: prefix });
      if (expanded) walk(node.folders.get(name)!, path, depth + 1);
    }
    for (const name of node.files.slice().sort(byName)) {
      rows.push({ path: prefix ? `${prefix}/${name}` : name, name, kind: "file", depth, parent: prefix });
    }
  };
  walk(buildFolders(paths), "", 1);
  return rows;
}

/** The folders that hold `path`, outermost first: expanded when a file there is opened. */
export function ancestorsOf(path: string): string[] {
  const segments = path.split("/").slice(0, -1);
  return segments.map((_, i) => segments.slice(0, i + 1).join("/"));
}
