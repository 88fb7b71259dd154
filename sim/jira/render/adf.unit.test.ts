import { describe, expect, it } from "vitest";
import { adfToText, textToAdf } from "./adf.ts";
import { jiraDateTime } from "./time.ts";

describe("the sim's tiny ADF bridge", () => {
  it("turns blank-line separated text into paragraphs and single newlines into hard breaks", () => {
    expect(textToAdf("One\nline two\n\nTwo")).toEqual({
      type: "doc",
      version: 1,
      content: [
        { type: "paragraph", content: [{ type: "text", text: "One" }, { type: "hardBreak" }, { type: "text", text: "line two" }] },
        { type: "paragraph", content: [{ type: "text", text: "Two" }] },
      ],
    });
  });

  it("round-trips plain text", () => {
    for (const text of ["", "single", "a\nb", "first\n\nsecond\n\nthird"]) expect(adfToText(textToAdf(text))).toBe(text);
  });

  it("flattens unknown block nodes to their text", () => {
    const doc = { type: "doc" as const, version: 1 as const, content: [{ type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "a" }] }] }, { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "b" }] }] }] }] };
    expect(adfToText(doc)).toBe("a\nb");
  });
});

describe("Jira timestamps", () => {
  it("use an offset without a colon, as Jira sends", () => {
    expect(jiraDateTime(Date.UTC(2024, 11, 29, 3, 11, 23, 303))).toBe("2024-12-29T03:11:23.303+0000");
  });
});
