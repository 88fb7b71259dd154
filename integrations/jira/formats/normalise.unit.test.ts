import { describe, expect, it } from "vitest";
import { markdownToRichText, normaliseMarkdown, sameRichText } from "./index.ts";

describe("normaliseMarkdown", () => {
  it("spells the same meaning one way", () => {
    const variants = [
      "* one\n* _two_ and __three__\n\n\n",
      "- one\n- *two* and **three**",
      "+ one\n+ *two*   and **three**\n",
      "- one\n\n- *two*\nand **three**",
    ];
    for (const variant of variants) expect(normaliseMarkdown(variant)).toBe("- one\n- *two* and **three**");
  });

  it("is idempotent and turns reference links into inline links", () => {
    const md = "See [the docs][d].\n\n[d]: https://x.io/docs";
    expect(normaliseMarkdown(md)).toBe("See [the docs](https://x.io/docs).");
    expect(normaliseMarkdown(normaliseMarkdown(md))).toBe(normaliseMarkdown(md));
  });

  it("keeps what changes the meaning", () => {
    expect(normaliseMarkdown("*a*")).not.toBe(normaliseMarkdown("**a**"));
    expect(normaliseMarkdown("1. a")).not.toBe(normaliseMarkdown("- a"));
    expect(normaliseMarkdown("```\n  x\n```")).not.toBe(normaliseMarkdown("```\nx\n```"));
    expect(normaliseMarkdown("a\\\nb")).not.toBe(normaliseMarkdown("a b"));
  });
});

describe("sameRichText", () => {
  const md = "## Why\n\n- [ ] ship\n- [x] *test*\n\n| a | b |\n| - | - |\n| 1 | 2 |";

  it("compares Markdown with Jira's rich text by meaning", () => {
    for (const kind of ["adf", "wiki"] as const) {
      const jira = markdownToRichText(md, kind);
      expect(sameRichText(jira, md.replace(/\*test\*/, "_test_").replace(/^- /gm, "* ") + "\n\n")).toBe(true);
      expect(sameRichText(jira, md.replace("ship", "ship it"))).toBe(false);
      expect(sameRichText(md, jira)).toBe(true);
    }
  });

  it("treats a missing description as an empty one", () => {
    expect(sameRichText(null, "")).toBe(true);
    expect(sameRichText(null, { kind: "adf", doc: { type: "doc", version: 1, content: [] } })).toBe(true);
    expect(sameRichText(null, { kind: "wiki", text: "  \n" })).toBe(true);
    expect(sameRichText(null, "x")).toBe(false);
  });
});
