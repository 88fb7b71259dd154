import type { Definition, Nodes, Parent, PhrasingContent, Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import { isLiteral, parseMarkdown, stringifyMarkdown } from "./markdown-ast.ts";

/**
 * Markdown in one canonical spelling, so two texts that mean the same compare equal: list
 * markers, `*` vs `_`, loose vs tight lists, runs of spaces, soft line breaks, trailing
 * newlines, table alignment and link titles do not count (Jira keeps none of them).
 */
export function normaliseMarkdown(markdown: string): string {
  return normalForm(markdown).text;
}

/** The tree every converter writes from: the tree of the canonical spelling. */
export function canonicalMarkdownTree(markdown: string): Root {
  return normalForm(markdown).tree;
}

function normalForm(markdown: string): { text: string; tree: Root } {
  // Writing a tree can change how it reads back (spans with spaces at their edges); a few
  // rounds reach the spelling that reads back as itself.
  let current = markdown;
  let tree = canonicalTree(parseMarkdown(current));
  for (let round = 0; round < 4; round++) {
    const next = stringifyMarkdown(tree);
    if (next === current) break;
    current = next;
    tree = canonicalTree(parseMarkdown(current));
  }
  return { text: current, tree };
}

export function canonicalTree(tree: Root): Root {
  const definitions = new Map<string, Definition>();
  for (const node of tree.children) if (node.type === "definition") definitions.set(node.identifier.toLowerCase(), node);
  return canonical(tree, definitions, new Set()) as Root;
}

const spans = new Set(["emphasis", "strong", "delete", "link"]);

/** Reference links become inline links and definitions go: same meaning, one spelling. */
function canonical(node: Nodes, definitions: Map<string, Definition>, open: Set<string>): Nodes {
  if (node.type === "linkReference" || node.type === "imageReference") {
    const target = definitions.get(node.identifier.toLowerCase());
    if (node.type === "linkReference") {
      const children = node.children.map((child) => canonical(child, definitions, open)) as PhrasingContent[];
      return target ? { type: "link", url: target.url, title: null, children } : { type: "text", value: `[${toString(node)}]` };
    }
    return target ? { type: "image", url: target.url, alt: node.alt ?? null, title: null } : { type: "text", value: `![${node.alt ?? ""}]` };
  }
  const copy = { ...node } as Nodes & { position?: unknown };
  delete copy.position;
  if (copy.type === "text") copy.value = copy.value.replace(/\s+/g, " ");
  if (copy.type === "code") copy.value = copy.value.replace(/\s+$/, "");
  if (copy.type === "list" || copy.type === "listItem") copy.spread = false;
  if (copy.type === "list" && copy.ordered !== true) copy.start = null;
  if (copy.type === "table") {
    // GFM shows as many columns as the header has: extra cells are dropped, missing ones empty.
    const width = copy.children[0]?.children.length ?? 0;
    copy.align = Array.from({ length: width }, () => null);
    copy.children = copy.children.map((row) => ({
      ...row,
      children: Array.from({ length: width }, (_, index) => row.children[index] ?? { type: "tableCell", children: [] }),
    }));
  }
  if ((copy.type === "link" || copy.type === "image") && copy.title !== undefined) copy.title = null;
  if ("children" in copy && !isLiteral(copy)) {
    const children = copy.children.filter((child) => child.type !== "definition");
    // A span inside a span of its own kind (`*a *b* c*`) means nothing more: it opens up.
    const inner = spans.has(copy.type) ? new Set([...open, copy.type]) : open;
    const tidied = children.flatMap((child) => {
      const done = canonical(child, definitions, inner);
      return open.has(done.type) || (inner !== open && done.type === copy.type) ? (done as Parent).children : [done];
    }) as RootContent[];
    (copy as Parent).children = lineLike.has(copy.type) ? tidyInline(tidied) : mergeText(tidied);
  }
  return copy;
}

/** Blocks whose text is one line of prose: spaces at their edges and around breaks mean nothing. */
const lineLike = new Set(["paragraph", "heading", "tableCell"]);

function mergeText(children: RootContent[]): RootContent[] {
  const merged: RootContent[] = [];
  for (const child of children) {
    const last = merged[merged.length - 1];
    if (child.type === "text" && last?.type === "text") last.value = (last.value + child.value).replace(/\s+/g, " ");
    else merged.push(child);
  }
  return merged.filter((node) => node.type !== "text" || node.value !== "");
}

/** Merges neighbouring text and trims spaces at the edges of a line of prose and around breaks. */
function tidyInline(children: RootContent[]): RootContent[] {
  const merged = mergeText(children);
  const first = merged[0];
  if (first?.type === "text") first.value = first.value.replace(/^\s+/, "");
  const end = merged[merged.length - 1];
  if (end?.type === "text") end.value = end.value.replace(/\s+$/, "");
  for (let i = 0; i < merged.length; i++) {
    const node = merged[i];
    if (node?.type !== "break") continue;
    const before = merged[i - 1];
    const after = merged[i + 1];
    if (before?.type === "text") before.value = before.value.replace(/\s+$/, "");
    if (after?.type === "text") after.value = after.value.replace(/^\s+/, "");
  }
  return merged.filter((node) => node.type !== "text" || node.value !== "");
}
