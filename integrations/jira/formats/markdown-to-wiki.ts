import type { List, Nodes, PhrasingContent, Root, RootContent, Table } from "mdast";
import { canonicalMarkdownTree } from "./normalise.ts";
import { escapeWikiText } from "./wiki-escape.ts";

/**
 * Markdown → Jira wiki markup (Data Center REST v2, and the strings webhooks carry). Written
 * here because the npm converters (jira2md, j2m) lose nested lists, rules and task lists.
 * Task items are written `* \[x\] text`, which `wikiToMarkdown` reads back as tasks.
 */
export function markdownToWiki(markdown: string): string {
  const tree = canonicalMarkdownTree(markdown);
  return blocks(tree.children, tree).join("\n\n");
}

function blocks(nodes: RootContent[], root: Root): string[] {
  return nodes.flatMap((node) => {
    const text = block(node, root);
    return text === null ? [] : [text];
  });
}

function block(node: RootContent, root: Root): string | null {
  switch (node.type) {
    case "paragraph":
      return inline(node.children, "\n");
    case "heading":
      return `h${node.depth}. ${inline(node.children, "\\\\ ")}`;
    case "thematicBreak":
      return "----";
    case "code":
      return codeBlock(node.lang ?? null, node.value);
    case "blockquote":
      return `{quote}\n${quoteBlocks(node.children, root).join("\n\n")}\n{quote}`;
    case "list":
      return listLines(node, "").join("\n");
    case "table":
      return table(node);
    case "html":
      return escapeWikiText(node.value);
    case "definition":
      return null;
    default:
      return null;
  }
}

/** Wiki quotes cannot nest: an inner quote's blocks join the outer one. */
function quoteBlocks(nodes: RootContent[], root: Root): string[] {
  return nodes.flatMap((node) => (node.type === "blockquote" ? quoteBlocks(node.children, root) : blocks([node], root)));
}

function listLines(list: List, prefix: string): string[] {
  const marker = prefix + (list.ordered ? "#" : "*");
  return list.children.flatMap((item) => {
    const [first, ...rest] = item.children;
    const task = item.checked === true ? "\\[x\\] " : item.checked === false ? "\\[ \\] " : "";
    const lead = first?.type === "paragraph" ? inline(first.children, "\\\\ ") : "";
    const lines = [`${marker} ${task}${lead}`.trimEnd()];
    for (const child of first?.type === "paragraph" ? rest : item.children) {
      if (child.type === "list") lines.push(...listLines(child, marker));
      else if (child.type === "paragraph") lines.push(`${marker} ${inline(child.children, "\\\\ ")}`);
      else if (child.type === "code") lines.push(codeBlock(child.lang ?? null, child.value));
    }
    return lines;
  });
}

/** `{code:lang}`; code that itself contains `{code}` goes in `{noformat}` (its language is lost). */
function codeBlock(lang: string | null, value: string): string {
  if (value.includes("{code}") && !value.includes("{noformat}")) return `{noformat}\n${value}\n{noformat}`;
  return `{code${lang ? `:${lang}` : ""}}\n${value}\n{code}`;
}

function table(node: Table): string {
  return node.children
    .map((row, index) => {
      const bar = index === 0 ? "||" : "|";
      return bar + row.children.map((cell) => inline(cell.children, "\\\\ ") || " ").join(bar) + bar;
    })
    .join("\n");
}

/** Inline Markdown → wiki. `lineBreak` is how a hard break is written where a newline would end the block. */
function inline(nodes: PhrasingContent[], lineBreak: string): string {
  const parts = nodes.map((node) => phrasing(node, lineBreak));
  return parts
    .map((part, index) => {
      const node = nodes[index] as PhrasingContent;
      const marker = node.type === "strong" ? "*" : node.type === "emphasis" ? "_" : node.type === "delete" ? "-" : null;
      if (marker === null) return part;
      // Inside a word Jira only sees a span written with braces: x{*}y{*}z.
      const before = parts[index - 1]?.slice(-1) ?? "";
      const after = parts[index + 1]?.slice(0, 1) ?? "";
      const glued = wordChar.test(before) || wordChar.test(after) || /^\s|\s$/.test(part.slice(1, -1));
      return glued ? `{${marker}}${part.slice(1, -1)}{${marker}}` : part;
    })
    .join("");
}

const wordChar = /[\p{L}\p{N}]/u;

function phrasing(node: PhrasingContent, lineBreak: string): string {
  const inner = (children: PhrasingContent[]) => inline(children, lineBreak);
  switch (node.type) {
    case "text":
      return escapeWikiText(node.value);
    case "strong":
      return `*${inner(node.children)}*`;
    case "emphasis":
      return `_${inner(node.children)}_`;
    case "delete":
      return `-${inner(node.children)}-`;
    case "inlineCode":
      return `{{${escapeWikiText(node.value, true)}}}`;
    case "link": {
      const label = inner(node.children);
      return label === escapeWikiText(node.url) ? `[${node.url}]` : `[${label}|${node.url}]`;
    }
    case "image":
      return node.alt ? `!${node.url}|alt=${node.alt.replace(/[|!,]/g, " ")}!` : `!${node.url}!`;
    case "break":
      return lineBreak;
    default:
      return "value" in node ? escapeWikiText(String((node as Nodes & { value: unknown }).value)) : "children" in node ? inner(node.children as PhrasingContent[]) : "";
  }
}
