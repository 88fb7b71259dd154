import type { JiraFlavor, RichText } from "../../../integrations/jira/client/index.ts";
import type { RichTextCodec } from "../../../integrations/jira/sync/mapping-context.ts";

// Provisional: plain paragraphs until integrations/jira/formats lands.
const paragraphs = (md: string) => md.split(/\n{2,}/).map((p) => p.trim()).filter((p) => p.length > 0);

function adfText(node: unknown): string {
  if (typeof node !== "object" || node === null) return "";
  const record = node as { type?: string; text?: string; content?: unknown[] };
  if (record.type === "text") return record.text ?? "";
  const inner = (record.content ?? []).map(adfText);
  return record.type === "doc" ? inner.join("\n\n") : inner.join("");
}

/** Markdown ↔ the flavour's rich text (ADF on Cloud, wiki markup on Data Center). */
export function richTextCodec(flavor: JiraFlavor): RichTextCodec {
  return {
    toMarkdown: (value: RichText) => (value.kind === "adf" ? adfText(value.doc) : value.text),
    fromMarkdown: (markdown: string): RichText =>
      flavor === "cloud"
        ? { kind: "adf", doc: { type: "doc", version: 1, content: paragraphs(markdown).map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })) } }
        : { kind: "wiki", text: markdown },
    normalise: (markdown: string) => paragraphs(markdown.replace(/\r\n/g, "\n")).join("\n\n"),
  };
}
