import type { AdfDoc, AdfNode, RichText } from "../model/types.ts";

/**
 * The sim's deliberately tiny ADF <-> plain text bridge: paragraphs and hard breaks only.
 * Real Jira converts wiki markup richly; Tether's own converters are tested elsewhere.
 */
export function textToAdf(text: string): AdfDoc {
  const paragraphs = text.split(/\n{2,}/).filter((part) => part.length > 0);
  return {
    type: "doc",
    version: 1,
    content: paragraphs.map((paragraph) => ({ type: "paragraph", content: lineNodes(paragraph) })),
  };
}

function lineNodes(paragraph: string): AdfNode[] {
  const nodes: AdfNode[] = [];
  paragraph.split("\n").forEach((line, index) => {
    if (index > 0) nodes.push({ type: "hardBreak" });
    if (line.length > 0) nodes.push({ type: "text", text: line });
  });
  return nodes;
}

export function adfToText(doc: AdfDoc): string {
  return doc.content.map(blockText).filter((block) => block.length > 0).join("\n\n");
}

function blockText(node: AdfNode): string {
  if (node.type === "text") return node.text ?? "";
  if (node.type === "hardBreak") return "\n";
  const inner = node.content ?? [];
  const separator = inner.some((child) => child.type === "paragraph" || child.type === "listItem") ? "\n" : "";
  return inner.map(blockText).join(separator);
}

export function richTextAsString(value: RichText): string {
  return value.kind === "wiki" ? value.text : adfToText(value.doc);
}

export function richTextAsAdf(value: RichText): AdfDoc {
  return value.kind === "adf" ? value.doc : textToAdf(value.text);
}
