import type { BlockContent, ListItem, PhrasingContent, Root, RootContent, TableCell, TableRow } from "mdast";
import type { AdfDocument } from "../client/types.ts";
import { type AdfNode, adfBlocks, adfPlainText } from "./adf.ts";
import { adfInline } from "./adf-inline.ts";
import { stringifyMarkdown } from "./markdown-ast.ts";
import { normaliseMarkdown } from "./normalise.ts";
import { panelMarker } from "./panels.ts";

/**
 * ADF → Markdown. Nodes Markdown cannot hold are shown in a stable, recognisable way (mention →
 * `@Name`, panel → `> [!INFO]` quote, media → `[attachment: name]`, status → `[status: DONE]`)
 * so that `mergeDescriptionForPush` can recognise unchanged blocks and keep the originals.
 */
export function adfToMarkdown(doc: AdfDocument): string {
  const tree: Root = { type: "root", children: adfBlocks(doc).flatMap(block) };
  return normaliseMarkdown(stringifyMarkdown(tree));
}

function block(node: AdfNode): RootContent[] {
  const children = node.content ?? [];
  const attrs = node.attrs ?? {};
  switch (node.type) {
    case "paragraph":
      return children.length === 0 ? [] : [{ type: "paragraph", children: adfInline(children) }];
    case "heading": {
      const level = Math.min(6, Math.max(1, Number(attrs.level) || 1)) as 1 | 2 | 3 | 4 | 5 | 6;
      return [{ type: "heading", depth: level, children: adfInline(children) }];
    }
    case "bulletList":
    case "orderedList":
    case "decisionList":
      return [list(node)];
    case "taskList":
      return [taskList(node)];
    case "codeBlock": {
      const language = typeof attrs.language === "string" && attrs.language !== "" ? attrs.language : null;
      return [{ type: "code", lang: language, meta: null, value: children.map((c) => c.text ?? "").join("") }];
    }
    case "blockquote":
      return [{ type: "blockquote", children: blocks(children) }];
    case "panel":
      return [{ type: "blockquote", children: [textParagraph(panelMarker(attrs.panelType)), ...blocks(children)] }];
    case "expand":
    case "nestedExpand":
      return [textParagraph(`▸ ${typeof attrs.title === "string" ? attrs.title : ""}`.trim()), ...blocks(children)];
    case "rule":
      return [{ type: "thematicBreak" }];
    case "table":
      return [table(node)];
    case "mediaSingle":
    case "mediaGroup":
      return [{ type: "paragraph", children: children.flatMap(media) }];
    case "layoutSection":
    case "layoutColumn":
      return blocks(children);
    default:
      return placeholder(node);
  }
}

function blocks(nodes: AdfNode[]): BlockContent[] {
  return nodes.flatMap(block) as BlockContent[];
}

function textParagraph(value: string): BlockContent {
  return { type: "paragraph", children: [{ type: "text", value }] };
}

function placeholder(node: AdfNode): RootContent[] {
  const key = node.attrs?.extensionKey;
  const name = typeof key === "string" ? `${node.type}: ${key}` : node.type;
  const inner = node.type === "bodiedExtension" ? blocks(node.content ?? []) : [];
  return [textParagraph(`[${name}]`), ...inner];
}

function list(node: AdfNode): RootContent {
  const order = Number(node.attrs?.order);
  return {
    type: "list",
    ordered: node.type === "orderedList",
    start: node.type === "orderedList" ? (Number.isFinite(order) ? order : 1) : null,
    spread: false,
    children: (node.content ?? []).map((item): ListItem => {
      const content = item.content ?? [];
      const inline = content.every((child) => !isBlock(child));
      const children = inline ? [{ type: "paragraph" as const, children: adfInline(content) }] : blocks(content);
      return { type: "listItem", spread: false, checked: node.type === "bulletList" ? taskPrefix(children[0]) : null, children };
    }),
  };
}

/**
 * A list mixing tasks and plain items cannot be an ADF task list; markdownToAdf writes it as
 * a bullet list whose task items start with `[ ] ` / `[x] `. Read such items back as tasks.
 */
function taskPrefix(first: BlockContent | undefined): boolean | null {
  const lead = first?.type === "paragraph" ? first.children[0] : undefined;
  const match = lead?.type === "text" ? /^\[([ x])\] /.exec(lead.value) : null;
  if (!match || lead?.type !== "text") return null;
  lead.value = lead.value.slice(match[0].length);
  return match[1] === "x";
}

/** A task list: items hold inline content; a nested task list belongs to the item before it. */
function taskList(node: AdfNode): RootContent {
  const items: ListItem[] = [];
  for (const child of node.content ?? []) {
    if (child.type === "taskList") {
      const previous = items[items.length - 1];
      if (previous) previous.children.push(taskList(child) as BlockContent);
      else items.push({ type: "listItem", spread: false, checked: false, children: [taskList(child) as BlockContent] });
      continue;
    }
    const paragraph: PhrasingContent[] = adfInline(child.content ?? []);
    items.push({ type: "listItem", spread: false, checked: child.attrs?.state === "DONE", children: [{ type: "paragraph", children: paragraph }] });
  }
  return { type: "list", ordered: false, start: null, spread: false, children: items };
}

function isBlock(node: AdfNode): boolean {
  return !["text", "hardBreak", "mention", "emoji", "status", "date", "inlineCard", "placeholder", "inlineExtension", "mediaInline"].includes(node.type);
}

function table(node: AdfNode): RootContent {
  const rows = (node.content ?? []).map((row): TableRow => ({ type: "tableRow", children: (row.content ?? []).map(cell) }));
  const width = Math.max(1, ...rows.map((row) => row.children.length));
  for (const row of rows) while (row.children.length < width) row.children.push({ type: "tableCell", children: [] });
  return { type: "table", align: rows[0]?.children.map(() => null) ?? [], children: rows };
}

/** GFM cells hold one line: paragraphs inside a cell are joined by a space. */
function cell(node: AdfNode): TableCell {
  const children: PhrasingContent[] = [];
  for (const child of node.content ?? []) {
    if (children.length > 0) children.push({ type: "text", value: " " });
    if (child.type === "paragraph" || child.type === "heading") children.push(...adfInline(child.content ?? []));
    else children.push({ type: "text", value: adfPlainText(child) });
  }
  return { type: "tableCell", children };
}

function media(node: AdfNode): PhrasingContent[] {
  const attrs = node.attrs ?? {};
  if (node.type === "caption") return [];
  if (attrs.type === "external" && typeof attrs.url === "string") {
    return [{ type: "image", url: attrs.url, alt: typeof attrs.alt === "string" ? attrs.alt : "", title: null }];
  }
  const name = [attrs.alt, attrs.id].find((value): value is string => typeof value === "string" && value !== "");
  return [{ type: "text", value: `[attachment${name ? `: ${name}` : ""}]` }];
}
