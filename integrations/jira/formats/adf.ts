import { z } from "zod";
import type { AdfDocument } from "../client/types.ts";

/** One ADF node as Jira sends it. Unknown node types and attributes pass through untouched. */
export type AdfMark = { type: string; attrs?: Record<string, unknown> };
export type AdfNode = {
  type: string;
  attrs?: Record<string, unknown>;
  content?: AdfNode[];
  text?: string;
  marks?: AdfMark[];
};

const markSchema = z.looseObject({ type: z.string(), attrs: z.record(z.string(), z.unknown()).optional() });

export const adfNodeSchema: z.ZodType<AdfNode> = z.lazy(() =>
  z.looseObject({
    type: z.string(),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(adfNodeSchema).optional(),
    text: z.string().optional(),
    marks: z.array(markSchema).optional(),
  }),
) as z.ZodType<AdfNode>;

/** The top-level blocks of a document; nodes that are not ADF at all are dropped, not thrown on. */
export function adfBlocks(doc: AdfDocument): AdfNode[] {
  return doc.content.flatMap((node) => {
    const parsed = adfNodeSchema.safeParse(node);
    return parsed.success ? [parsed.data] : [];
  });
}

export function adfDocument(content: AdfNode[]): AdfDocument {
  return { type: "doc", version: 1, content };
}

/** All text inside a node, for placeholders of nodes Markdown cannot show. */
export function adfPlainText(node: AdfNode): string {
  if (node.type === "text") return node.text ?? "";
  return (node.content ?? []).map(adfPlainText).join(" ").trim();
}
