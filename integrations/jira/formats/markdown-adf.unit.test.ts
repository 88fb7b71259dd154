import { describe, expect, it } from "vitest";
import { adfDocument, type AdfNode } from "./adf.ts";
import { adfToMarkdown, markdownToAdf } from "./index.ts";
import { adfSchemaErrors } from "./testing/adf-schema.ts";

const text = (value: string, marks?: AdfNode["marks"]): AdfNode => (marks ? { type: "text", text: value, marks } : { type: "text", text: value });
const paragraph = (...content: AdfNode[]): AdfNode => ({ type: "paragraph", content });

describe("Markdown → ADF", () => {
  it("writes headings, marks, links and hard breaks as Jira Cloud expects", () => {
    const doc = markdownToAdf("## Goal\n\nSome _em_, **strong**, ~~gone~~, `code` and [a **b**](https://x.io).  \nNext");
    expect(doc.content).toEqual([
      { type: "heading", attrs: { level: 2 }, content: [text("Goal")] },
      paragraph(
        text("Some "),
        text("em", [{ type: "em" }]),
        text(", "),
        text("strong", [{ type: "strong" }]),
        text(", "),
        text("gone", [{ type: "strike" }]),
        text(", "),
        text("code", [{ type: "code" }]),
        text(" and "),
        text("a ", [{ type: "link", attrs: { href: "https://x.io" } }]),
        text("b", [{ type: "link", attrs: { href: "https://x.io" } }, { type: "strong" }]),
        text("."),
        { type: "hardBreak" },
        text("Next"),
      ),
    ]);
    expect(adfSchemaErrors(doc)).toEqual([]);
  });

  it("nests lists, numbers task ids deterministically and keeps code languages", () => {
    const md = "1. one\n   - a\n2. two\n\n- [ ] todo\n- [x] done\n\n```ts\nconst a = 1;\n```";
    const doc = markdownToAdf(md);
    expect(doc).toEqual(markdownToAdf(md));
    expect(doc.content[0]).toMatchObject({ type: "orderedList", attrs: { order: 1 }, content: [{ content: [{ type: "paragraph" }, { type: "bulletList" }] }, {}] });
    expect(doc.content[1]).toEqual({
      type: "taskList",
      attrs: { localId: "task-1" },
      content: [
        { type: "taskItem", attrs: { localId: "task-2", state: "TODO" }, content: [text("todo")] },
        { type: "taskItem", attrs: { localId: "task-3", state: "DONE" }, content: [text("done")] },
      ],
    });
    expect(doc.content[2]).toEqual({ type: "codeBlock", attrs: { language: "ts" }, content: [text("const a = 1;")] });
    expect(adfSchemaErrors(doc)).toEqual([]);
  });

  it("writes GFM tables with a header row, rules, images and quotes", () => {
    const doc = markdownToAdf("| a | b |\n|---|:-:|\n| 1 | **2** |\n\n---\n\n![chart](https://x.io/c.png)\n\n> said\n>\n> # loud");
    expect(doc.content.map((node) => (node as AdfNode).type)).toEqual(["table", "rule", "mediaSingle", "blockquote"]);
    expect((doc.content[0] as AdfNode).content?.[0]?.content?.[0]?.type).toBe("tableHeader");
    expect((doc.content[3] as AdfNode).content?.[1]).toEqual(paragraph(text("loud", [{ type: "strong" }])));
    expect(adfSchemaErrors(doc)).toEqual([]);
  });

  it("turns an alert quote back into a panel and leaves an empty description empty", () => {
    expect(markdownToAdf("> [!WARNING]\n>\n> careful").content).toEqual([{ type: "panel", attrs: { panelType: "warning" }, content: [paragraph(text("careful"))] }]);
    expect(markdownToAdf(" \n\n")).toEqual(adfDocument([]));
    expect(adfSchemaErrors(markdownToAdf(""))).toEqual([]);
  });

  it("the schema check itself fails on broken ADF", () => {
    expect(adfSchemaErrors(adfDocument([{ type: "paragraph", content: [{ type: "heading" }] }]))).not.toEqual([]);
  });
});

describe("ADF → Markdown", () => {
  it("renders what Markdown cannot hold in a recognisable, stable way", () => {
    const doc = adfDocument([
      paragraph(
        text("Ask "),
        { type: "mention", attrs: { id: "557058:1", text: "@Ada Lovelace" } },
        text(" "),
        { type: "emoji", attrs: { shortName: ":smile:", text: "😄" } },
        text(" "),
        { type: "status", attrs: { text: "IN REVIEW", color: "blue" } },
        text(" "),
        { type: "inlineCard", attrs: { url: "https://x.io/browse/T-1" } },
        text(" "),
        { type: "date", attrs: { timestamp: "1767225600000" } },
        text("under", [{ type: "underline" }, { type: "strong" }]),
      ),
      { type: "panel", attrs: { panelType: "note" }, content: [paragraph(text("Heads up"))] },
      { type: "mediaSingle", attrs: { layout: "center" }, content: [{ type: "media", attrs: { id: "abc-123", type: "file", collection: "c" } }] },
      { type: "extension", attrs: { extensionKey: "roadmap", extensionType: "com.x" } },
    ]);
    expect(adfToMarkdown(doc)).toBe(
      "Ask @Ada Lovelace 😄 \\[status: IN REVIEW] <https://x.io/browse/T-1> 2026-01-01**under**\n\n> [!NOTE]\n>\n> Heads up\n\n\\[attachment: abc-123]\n\n\\[extension: roadmap]",
    );
  });

  it("reads nested task lists, and tables whose first row is not a header (cell paragraphs join on one line)", () => {
    const doc = adfDocument([
      {
        type: "taskList",
        attrs: { localId: "l" },
        content: [
          { type: "taskItem", attrs: { localId: "a", state: "DONE" }, content: [text("parent")] },
          { type: "taskList", attrs: { localId: "m" }, content: [{ type: "taskItem", attrs: { localId: "b", state: "TODO" }, content: [text("child")] }] },
        ],
      },
      { type: "table", content: [{ type: "tableRow", content: [{ type: "tableCell", content: [paragraph(text("x")), paragraph(text("y"))] }] }] },
    ]);
    expect(adfToMarkdown(doc)).toBe("- [x] parent\n  - [ ] child\n\n| x y |\n| - |");
  });
});
