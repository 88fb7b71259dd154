import type { List, ListItem, Nodes, PhrasingContent, RootContent, Table } from "mdast";
import type { AdfDocument } from "../client/types.ts";
import { type AdfMark, type AdfNode, adfDocument } from "./adf.ts";
import { canonicalMarkdownTree } from "./normalise.ts";
import { panelFromQuote } from "./panels.ts";

/**
 * Markdown → ADF (Jira Cloud, REST v3). Reads Markdown with the same parser as the rest of this
 * folder, so md → ADF → md is a fixed point. Task ids are numbered, not random, so equal
 * Markdown gives equal ADF. A quote that starts with a panel marker (`> [!INFO]`) becomes a panel.
 */
export function markdownToAdf(markdown: string): AdfDocument {
  const tree = canonicalMarkdownTree(markdown);
  const context: Context = { nextId: 1 };
  return adfDocument(tree.children.flatMap((node) => block(node, context)));
}

type Context = { nextId: number };

function block(node: RootContent, context: Context): AdfNode[] {
  switch (node.type) {
    case "paragraph": {
      const images = node.children.filter((child) => child.type === "image");
      if (images.length > 0 && images.length === node.children.length) return images.map(mediaSingle);
      return [{ type: "paragraph", content: inline(node.children, [], context) }];
    }
    case "heading":
      return [{ type: "heading", attrs: { level: node.depth }, content: inline(node.children, [], context) }];
    case "thematicBreak":
      return [{ type: "rule" }];
    case "code":
      return [{ type: "codeBlock", ...(node.lang ? { attrs: { language: node.lang } } : {}), content: node.value === "" ? [] : [{ type: "text", text: node.value }] }];
    case "blockquote": {
      const quote: AdfNode = { type: "blockquote", content: node.children.flatMap((child) => quoted(child, context)) };
      return [panelFromQuote(quote) ?? quote];
    }
    case "list":
      return [list(node, context)];
    case "table":
      return [table(node, context)];
    case "html":
      return [{ type: "paragraph", content: textNode(node.value, []) }];
    default:
      return [];
  }
}

/** A quote holds paragraphs, lists and code in ADF: headings become strong paragraphs, inner quotes open up. */
function quoted(node: RootContent, context: Context): AdfNode[] {
  if (node.type === "heading") return [{ type: "paragraph", content: inline(node.children, [{ type: "strong" }], context) }];
  if (node.type === "blockquote") return node.children.flatMap((child) => quoted(child, context));
  if (node.type === "paragraph" || node.type === "list" || node.type === "code") return block(node, context);
  return block(node, context).map(asParagraph);
}

function asParagraph(node: AdfNode): AdfNode {
  return node.type === "paragraph" ? node : { type: "paragraph", content: textNode(plain(node), []) };
}

function plain(node: AdfNode): string {
  return node.type === "text" ? (node.text ?? "") : (node.content ?? []).map(plain).join(" ");
}

function list(node: List, context: Context): AdfNode {
  if (node.children.length > 0 && node.children.every((item) => item.checked !== null && item.checked !== undefined)) {
    return taskList(node, context);
  }
  return {
    type: node.ordered ? "orderedList" : "bulletList",
    ...(node.ordered ? { attrs: { order: node.start ?? 1 } } : {}),
    content: node.children.map((item) => listItem(item, context)),
  };
}

function listItem(item: ListItem, context: Context): AdfNode {
  const prefix = item.checked === true ? "[x] " : item.checked === false ? "[ ] " : "";
  const content = item.children.flatMap((child, index) => {
    if (child.type === "paragraph" && index === 0 && prefix) return [{ type: "paragraph", content: [...textNode(prefix, []), ...inline(child.children, [], context)] }];
    if (child.type === "paragraph" || child.type === "list" || child.type === "code") return block(child, context);
    return block(child, context).map(asParagraph);
  });
  return { type: "listItem", content: content.length > 0 ? content : [{ type: "paragraph", content: [] }] };
}

/** ADF task items hold inline content only; a nested list follows its item as a nested task list. */
function taskList(node: List, context: Context): AdfNode {
  const listId = `task-${context.nextId++}`;
  const content: AdfNode[] = [];
  for (const item of node.children) {
    const [first, ...rest] = item.children;
    const text = first?.type === "paragraph" ? inline(first.children, [], context) : [];
    content.push({ type: "taskItem", attrs: { localId: `task-${context.nextId++}`, state: item.checked ? "DONE" : "TODO" }, content: text });
    for (const child of first?.type === "paragraph" ? rest : item.children) {
      if (child.type === "list") content.push(taskList({ ...child, children: child.children.map((c) => ({ ...c, checked: c.checked ?? false })) }, context));
    }
  }
  return { type: "taskList", attrs: { localId: listId }, content };
}

function table(node: Table, context: Context): AdfNode {
  return {
    type: "table",
    content: node.children.map((row, rowIndex) => ({
      type: "tableRow",
      content: row.children.map((cell) => ({
        type: rowIndex === 0 ? "tableHeader" : "tableCell",
        content: [{ type: "paragraph", content: inline(cell.children, [], context) }],
      })),
    })),
  };
}

function mediaSingle(image: PhrasingContent): AdfNode {
  const url = image.type === "image" ? image.url : "";
  const alt = image.type === "image" && image.alt ? { alt: image.alt } : {};
  return { type: "mediaSingle", attrs: { layout: "center" }, content: [{ type: "media", attrs: { type: "external", url, ...alt } }] };
}

function inline(nodes: PhrasingContent[], marks: AdfMark[], context: Context): AdfNode[] {
  return mergeText(nodes.flatMap((node) => phrasing(node, marks, context)));
}

function phrasing(node: PhrasingContent, marks: AdfMark[], context: Context): AdfNode[] {
  const within = (mark: AdfMark, children: PhrasingContent[]) => inline(children, [...marks, mark], context);
  switch (node.type) {
    case "text":
      return textNode(node.value, marks);
    case "strong":
      return within({ type: "strong" }, node.children);
    case "emphasis":
      return within({ type: "em" }, node.children);
    case "delete":
      return within({ type: "strike" }, node.children);
    case "inlineCode":
      return textNode(node.value, [...marks.filter((m) => m.type === "link"), { type: "code" }]);
    case "link":
      return within({ type: "link", attrs: { href: node.url } }, node.children);
    case "image":
      return textNode(node.alt || node.url, [...marks.filter((m) => m.type !== "link"), { type: "link", attrs: { href: node.url } }]);
    case "break":
      return [{ type: "hardBreak" }];
    case "html":
      return textNode(node.value, marks);
    default:
      return "value" in node ? textNode(String((node as Nodes & { value: unknown }).value), marks) : [];
  }
}

function textNode(text: string, marks: AdfMark[]): AdfNode[] {
  if (text === "") return [];
  return [marks.length > 0 ? { type: "text", text, marks } : { type: "text", text }];
}

function mergeText(nodes: AdfNode[]): AdfNode[] {
  const out: AdfNode[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (node.type === "text" && last?.type === "text" && JSON.stringify(last.marks ?? []) === JSON.stringify(node.marks ?? [])) {
      out[out.length - 1] = { ...last, text: (last.text ?? "") + (node.text ?? "") };
    } else out.push(node);
  }
  return out;
}

