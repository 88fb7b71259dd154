import { describe, expect, it } from "vitest";
import { markdownToWiki, wikiToMarkdown } from "./index.ts";

describe("Markdown → Jira wiki markup", () => {
  it("writes every construct Tether uses", () => {
    const md = [
      "# Title",
      "Some _em_, **strong**, ~~gone~~, `a*b` and [site](https://x.io) <https://y.io>.  \nNext line",
      "1. one\n   - a\n     1. deep\n2. two",
      "- [ ] todo\n- [x] done",
      "> quoted\n>\n> > inner",
      "```ts\nconst a = 1;\n```",
      "---",
      "| a | b |\n| - | - |\n| 1 | x\\|y |",
    ].join("\n\n");
    expect(markdownToWiki(md)).toBe(
      [
        "h1. Title",
        "Some _em_, *strong*, -gone-, {{a\\*b}} and [site|https://x.io] [https://y.io].\nNext line",
        "# one\n#* a\n#*# deep\n# two",
        "* \\[ \\] todo\n* \\[x\\] done",
        "{quote}\nquoted\n\ninner\n{quote}",
        "{code:ts}\nconst a = 1;\n{code}",
        "----",
        "||a||b||\n|1|x\\|y|",
      ].join("\n\n"),
    );
  });

  it("escapes text that would read as markup, and leaves words like e-mail alone", () => {
    expect(markdownToWiki("e-mail *not bold* \\*stars\\* [x] {macro} h1. ok")).toBe("e-mail _not bold_ \\*stars\\* \\[x\\] \\{macro\\} h1. ok");
    expect(markdownToWiki("\\# not a list\n\n\\- nor this")).toBe("\\# not a list\n\n\\- nor this");
  });
});

describe("Jira wiki markup → Markdown", () => {
  it("reads what people type in Jira", () => {
    const wiki = [
      "h2. Scope",
      "Line one\nline two with *bold*, _it_, -struck-, +under+, {{mono}}, [link|https://x.io] and [~ada.lovelace]",
      "* a\n** b\n*# c\n* d\n- e",
      "{code:language=java|title=A.java}\nint x = 1;\n{code}",
      "{noformat}\nraw *text*\n{noformat}",
      "bq. wise words",
      "{panel:title=Note}\ninside\n{panel}",
      "||h1||h2||\n|[a|https://a.io]|{{b|c}}|",
      "!diagram.png|thumbnail!",
      "{color:red}red{color} text",
    ].join("\n\n");
    expect(wikiToMarkdown(wiki)).toBe(
      [
        "## Scope",
        "Line one\\\nline two with **bold**, *it*, ~~struck~~, under, `mono`, [link](https://x.io) and @ada.lovelace",
        "- a\n  - b\n  1. c\n- d\n- e",
        "```java\nint x = 1;\n```",
        "```\nraw *text*\n```",
        "> wise words",
        "> inside",
        "| h1 | h2 |\n| - | - |\n| [a](https://a.io) | `b\\|c` |",
        "![](diagram.png)",
        "red text",
      ].join("\n\n"),
    );
  });

  it("reads tasks written by markdownToWiki and keeps brackets that are not links", () => {
    expect(wikiToMarkdown("* \\[x\\] done\n* [ ] open\n\nsee [PROJ-1] and 3*4*5")).toBe("- [x] done\n- [ ] open\n\nsee \\[PROJ-1] and 3\\*4\\*5");
  });

  it("is stable when Jira-authored text goes round through Tether", () => {
    const wiki = "h3. Notes\n\n# first\n#* {*}in{*}word and -struck-\n\n{code:xml}\n<a>x</a>\n{code}\n\n||x||\n|[y|https://y.io]|";
    const once = wikiToMarkdown(wiki);
    expect(wikiToMarkdown(markdownToWiki(once))).toBe(once);
  });

  it("puts code that contains {code} into {noformat}, so it cannot end early", () => {
    expect(markdownToWiki("```\n{code}x\n```")).toBe("{noformat}\n{code}x\n{noformat}");
    expect(wikiToMarkdown(markdownToWiki("```\n{code}x\n```"))).toBe("```\n{code}x\n```");
  });

  it("never throws on unbalanced markup", () => {
    for (const wiki of ["{code}\nunterminated", "*open", "[broken", "|a|b", "{quote}", "!nope", "h7. no", "\\"]) {
      expect(() => wikiToMarkdown(wiki)).not.toThrow();
    }
  });
});
