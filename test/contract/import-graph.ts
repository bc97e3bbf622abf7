/**
 * The import graph of the production code, read with the TypeScript compiler's own import scanner, and the loops
 * in it: between files, and between folders (a folder is the directory of a file). Every `import`, `import type`,
 * `export … from` and `import()` of a relative path is an edge; packages are not part of the graph.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import ts from 'typescript';

/** The folders of production code, relative to the root: shared/, each action's src/, and cli/ when present. */
export function sourceRoots(root: string): string[] {
  const roots = ['shared', 'cli'].filter((dir) => existsSync(join(root, dir)));
  for (const action of readdirSync(join(root, 'actions'))) {
    if (existsSync(join(root, 'actions', action, 'src'))) roots.push(`actions/${action}/src`);
  }
  return roots;
}

/** Every .ts file under the given folders (dist/ and node_modules/ left out), as root-relative posix paths. */
export function sourceFiles(root: string, dirs: string[]): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(join(root, dir)).sort()) {
      const path = `${dir}/${name}`;
      if (statSync(join(root, path)).isDirectory()) {
        if (name !== 'dist' && name !== 'node_modules') walk(path);
      } else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) files.push(path);
    }
  };
  dirs.forEach(walk);
  return files;
}

/** file → the files it imports (only those in `files`; a relative `./x.js` is the source `./x.ts`). */
export function importGraph(root: string, files: string[]): Map<string, Set<string>> {
  const known = new Set(files);
  const graph = new Map<string, Set<string>>();
  for (const file of files) {
    const targets = new Set<string>();
    const { importedFiles } = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const target = resolveSource(posix.join(posix.dirname(file), fileName), known);
      if (target === undefined) throw new Error(`${file}: cannot resolve the import of ${fileName}`);
      targets.add(target);
    }
    graph.set(file, targets);
  }
  return graph;
}

function resolveSource(path: string, known: Set<string>): string | undefined {
  const base = path.replace(/\.(js|ts)$/, '');
  return [`${base}.ts`, `${base}/index.ts`].find((candidate) => known.has(candidate));
}

/** The same graph between folders: an edge for each import that leaves its file's folder. */
export function folderGraph(files: Map<string, Set<string>>): Map<string, Set<string>> {
  const folders = new Map<string, Set<string>>();
  for (const [file, targets] of files) {
    const from = posix.dirname(file);
    const edges = folders.get(from) ?? new Set<string>();
    for (const target of targets) if (posix.dirname(target) !== from) edges.add(posix.dirname(target));
    folders.set(from, edges);
  }
  return folders;
}

/**
 * Each loop as one path that comes back to its start (`a → b → a`), one per strongly connected group of nodes
 * (Tarjan), so a reader sees where to cut. Sorted, so a failure reads the same every time.
 */
export function loops(graph: Map<string, Set<string>>): string[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== node);
    if (group.length > 1 || graph.get(node)?.has(node)) groups.push(group);
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return groups.map((group) => pathThrough(graph, new Set(group))).sort();
}

/** A shortest way from the group's first node (by name) back to itself, staying inside the group. */
function pathThrough(graph: Map<string, Set<string>>, group: Set<string>): string {
  const start = [...group].sort()[0];
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0 && !cameFrom.has(start)) {
    const node = queue.shift()!;
    for (const next of [...(graph.get(node) ?? [])].sort()) {
      if (!group.has(next) || cameFrom.has(next)) continue;
      cameFrom.set(next, node);
      queue.push(next);
    }
  }
  const between: string[] = [];
  for (let node = cameFrom.get(start)!; node !== start; node = cameFrom.get(node)!) between.unshift(node);
  return [start, ...between, start].join(' → ');
}

/** The loops between files and between folders of the production code under `root`. */
export function importLoops(root: string, dirs = sourceRoots(root)): { files: string[]; folders: string[] } {
  const files = importGraph(root, sourceFiles(root, dirs));
  return { files: loops(files), folders: loops(folderGraph(files)) };
}
