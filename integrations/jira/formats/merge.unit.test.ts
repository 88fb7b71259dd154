import { describe, expect, it } from "vitest";
import { adfDocument, type AdfNode } from "./adf.ts";
import { markdownToRichText, mergeDescriptionForPush, richTextToMarkdown } from "./index.ts";
import { adfSchemaErrors } from "./testing/adf-schema.ts";

const text = (value: string): AdfNode => ({ type: "text", text: value });
const mention: AdfNode = { type: "mention", attrs: { id: "557058:ada", text: "@Ada Lovelace" } };
const mentionBlock: AdfNode = { type: "paragraph", content: [text("Ask "), mention, text(" first.")] };
const panel: AdfNode = { type: "panel", attrs: { panelType: "error" }, content: [{ type: "paragraph", content: [text("Do not ship on Fridays.")] }] };
const media: AdfNode = { type: "mediaSingle", attrs: { layout: "center" }, content: [{ type: "media", attrs: { id: "f-1", type: "file", collection: "c" } }] };
const status: AdfNode = { type: "paragraph", content: [text("State: "), { type: "status", attrs: { text: "BLOCKED", color: "red", localId: "s1" } }] };
const previous = { kind: "adf" as const, doc: adfDocument([{ type: "heading", attrs: { level: 1 }, content: [text("Plan")] }, mentionBlock, panel, media, status]) };

describe("mergeDescriptionForPush (ADF)", () => {
  const markdown = richTextToMarkdown(previous);

  it("shows Jira-only nodes in Markdown the way the merge recognises them", () => {
    expect(markdown).toBe("# Plan\n\nAsk @Ada Lovelace first.\n\n> [!ERROR]\n>\n> Do not ship on Fridays.\n\n\\[attachment: f-1]\n\nState: \\[status: BLOCKED]");
  });

  it("keeps the original nodes of every block Tether did not change", () => {
    const edited = markdown.replace("# Plan", "# Plan for Q3") + "\n\nA new **closing** line.";
    const merged = mergeDescriptionForPush(previous, edited, "adf");
    expect(merged.kind).toBe("adf");
    const content = merged.kind === "adf" ? merged.doc.content : [];
    expect(content).toHaveLength(6);
    expect(content[0]).toEqual({ type: "heading", attrs: { level: 1 }, content: [text("Plan for Q3")] });
    expect(content.slice(1, 5)).toEqual([mentionBlock, panel, media, status]);
    expect(richTextToMarkdown(merged)).toBe(edited);
    expect(adfSchemaErrors(merged.kind === "adf" ? merged.doc : null)).toEqual([]);
  });

  it("converts an edited block afresh, losing only that block's Jira-only nodes", () => {
    const edited = markdown.replace("Ask @Ada Lovelace first.", "Ask @Ada Lovelace and Grace first.");
    const merged = mergeDescriptionForPush(previous, edited, "adf");
    const content = merged.kind === "adf" ? (merged.doc.content as AdfNode[]) : [];
    expect(content[1]).toEqual({ type: "paragraph", content: [text("Ask @Ada Lovelace and Grace first.")] });
    expect(content.slice(2)).toEqual([panel, media, status]);
  });

  it("follows moved and deleted blocks, and keeps repeated blocks in order", () => {
    const blocks = markdown.split("\n\n");
    const reordered = [blocks[4], blocks[0], blocks[1], blocks[1]].join("\n\n");
    const merged = mergeDescriptionForPush(previous, reordered, "adf");
    const content = merged.kind === "adf" ? merged.doc.content : [];
    expect(content).toEqual([status, previous.doc.content[0], mentionBlock, { type: "paragraph", content: [text("Ask @Ada Lovelace first.")] }]);
  });

  it("converts from scratch when there is nothing to keep or the flavour changed", () => {
    expect(mergeDescriptionForPush(null, "# Hi", "adf")).toEqual(markdownToRichText("# Hi", "adf"));
    expect(mergeDescriptionForPush({ kind: "wiki", text: "h1. Hi" }, "# Hi", "adf")).toEqual(markdownToRichText("# Hi", "adf"));
  });
});

describe("mergeDescriptionForPush (wiki)", () => {
  const previousWiki = { kind: "wiki" as const, text: "h1. Plan\n\nAsk [~ada] about {color:red}this{color}.\n\n{panel:title=Rules}\nNo Friday deploys.\n{panel}\n\n!diagram.png|thumbnail!" };

  it("keeps the source of unchanged wiki blocks (mentions, colours, panels) and rewrites edited ones", () => {
    const markdown = richTextToMarkdown(previousWiki);
    expect(markdown).toBe("# Plan\n\nAsk @ada about this.\n\n> No Friday deploys.\n\n![](diagram.png)");
    const merged = mergeDescriptionForPush(previousWiki, markdown.replace("# Plan", "# Plan B") + "\n\nNew *line*", "wiki");
    expect(merged).toEqual({
      kind: "wiki",
      text: "h1. Plan B\n\nAsk [~ada] about {color:red}this{color}.\n\n{panel:title=Rules}\nNo Friday deploys.\n{panel}\n\n!diagram.png|thumbnail!\n\nNew _line_",
    });
  });
});
