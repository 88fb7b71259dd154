import type { Nodes, Parent, Root, RootContent } from "mdast";
import { isLiteral, parseMarkdown, stringifyMarkdown } from "./markdown-ast.ts";

/**
 * Markdown in one canonical spelling, so two texts that mean the same compare equal: list
 * markers, `*` vs `_`, loose vs tight lists, runs of spaces, soft line breaks, trailing
 * newlines, table alignment and link titles do not count (Jira keeps none of them).
 */
export function normaliseMarkdown(markdown: string): string {
  return stringifyMarkdown(canonicalTree(parseMarkdown(markdown)));
}

export function canonicalTree(tree: Root): Root {
  return canonical(tree) as Root;
}

function canonical(node: Nodes): Nodes {
  const copy = { ...node } as Nodes & { position?: unknown };
  delete copy.position;
  if (copy.type === "text") copy.value = copy.value.replace(/\s+/g, " ");
  if (copy.type === "code") copy.value = copy.value.replace(/\s+$/, "");
  if (copy.type === "list" || copy.type === "listItem") copy.spread = false;
  if (copy.type === "list" && copy.ordered !== true) copy.start = null;
  if (copy.type === "table") copy.align = copy.align?.map(() => null) ?? null;
  if ((copy.type === "link" || copy.type === "image") && copy.title !== undefined) copy.title = null;
  if ("children" in copy && !isLiteral(copy)) {
    (copy as Parent).children = tidyInline(copy.children.map(canonical) as RootContent[]);
  }
  return copy;
}

/** Merges neighbouring text and trims spaces at the edges of a paragraph-like run. */
function tidyInline(children: RootContent[]): RootContent[] {
  const merged: RootContent[] = [];
  for (const child of children) {
    const last = merged[merged.length - 1];
    if (child.type === "text" && last?.type === "text") last.value = (last.value + child.value).replace(/\s+/g, " ");
    else merged.push(child);
  }
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
