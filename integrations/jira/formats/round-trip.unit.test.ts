import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { markdownToRichText, normaliseMarkdown, richTextToMarkdown, type RichTextKind, sameRichText } from "./index.ts";
import { adfSchemaErrors } from "./testing/adf-schema.ts";

const kinds: RichTextKind[] = ["adf", "wiki"];
const throughJira = (md: string, kind: RichTextKind) => richTextToMarkdown(markdownToRichText(md, kind));

const golden: Record<string, string> = {
  headings: "# One\n\n## Two\n\n###### Six",
  "nested lists": "1. one\n   - a\n     1. deep\n   - b\n2. two\n\n- x\n  - y",
  code: "```ts\nconst a = 1;\n\nreturn a;\n```\n\n```\nno language\n```\n\nInline `code` here",
  quotes: "> a quote\n> with two lines\n>\n> - and a list",
  links: "[site](https://x.io), <https://y.io> and [**bold** link](https://z.io/a?b=c&d=e)",
  emphasis: "_em_ **strong** ~~strike~~ **_both_** and a_b_c",
  tables: "| a | b |\n| - | - |\n| 1 | **2** |\n| `x` | [l](https://l.io) |",
  "task lists": "- [ ] todo\n- [x] done\n  - [ ] nested",
  rules: "above\n\n---\n\nbelow",
  "hard breaks": "line one\\\nline two",
  escapes: "1\\*2\\* \\_x\\_ \\[x] \\# h1. e-mail {curly} a|b 50% C++",
};

describe("md → Jira → md is a fixed point after one round", () => {
  for (const kind of kinds) {
    for (const [name, md] of Object.entries(golden)) {
      it(`${kind}: ${name}`, () => {
        const once = throughJira(md, kind);
        expect(throughJira(once, kind)).toBe(once);
        expect(sameRichText(md, markdownToRichText(md, kind))).toBe(true);
        if (kind === "adf") expect(adfSchemaErrors(markdownToRichText(md, kind).kind === "adf" ? (markdownToRichText(md, kind) as { doc: unknown }).doc : null)).toEqual([]);
      });
    }
  }
});

const word = fc.constantFrom("alpha", "beta", "Größe", "x1", "e-mail", "C++", "50%", "a_b", "it's", "(see)", "v1.2", "#tag", "a|b", "{x}", "!", "--", "::");
const words = fc.array(word, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(" "));
const span = fc.oneof(
  words,
  words.map((w) => `*${w}*`),
  words.map((w) => `**${w}**`),
  words.map((w) => `~~${w}~~`),
  fc.constantFrom("alpha", "x = 1", "a*b").map((w) => `\`${w}\``),
  words.map((w) => `[${w}](https://example.com/${encodeURIComponent(w)})`),
);
const line = fc.array(span, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(" "));
const paragraph = fc.array(line, { minLength: 1, maxLength: 3 }).map((lines) => lines.join("\\\n"));
/** A list; under a task item only task lists nest (ADF cannot hold anything else there). */
const list = (depth: number, tasks: boolean): fc.Arbitrary<string> =>
  fc
    .tuple(fc.constantFrom(...(tasks ? ["- [ ] ", "- [x] "] : ["- ", "* ", "1. "])), fc.array(fc.tuple(line, depth > 0 ? fc.option(list(depth - 1, tasks)) : fc.constant(null)), { minLength: 1, maxLength: 3 }))
    .map(([marker, items]) =>
      items
        .map(([text, child]) => {
          const nested = child ? `\n${child.replace(/^/gm, " ".repeat(marker === "1. " ? 3 : 2))}` : "";
          return `${marker}${text}${nested}`;
        })
        .join("\n"),
    );
const block = fc.oneof(
  paragraph,
  fc.tuple(fc.integer({ min: 1, max: 6 }), line).map(([level, text]) => `${"#".repeat(level)} ${text}`),
  list(2, false),
  list(2, true),
  fc.tuple(fc.constantFrom("ts", "python", ""), words).map(([lang, body]) => `\`\`\`${lang}\n${body}\n\n${body}\n\`\`\``),
  paragraph.map((p) => `> ${p.replace(/\n/g, "\n> ")}`),
  fc.constant("---"),
  fc.tuple(words, words, line, line).map(([a, b, c, d]) => `| ${a} | ${b} |\n| - | - |\n| ${c} | ${d} |`),
);
const documents = fc.array(block, { minLength: 1, maxLength: 6 }).map((blocks) => blocks.join("\n\n"));

describe("generated documents", () => {
  for (const kind of kinds) {
    it(`${kind}: round-trip once, then stable; the echo means the same; output is canonical`, () => {
      fc.assert(
        fc.property(documents, (md) => {
          const rich = markdownToRichText(md, kind);
          if (rich.kind === "adf") expect(adfSchemaErrors(rich.doc)).toEqual([]);
          const once = richTextToMarkdown(rich);
          expect(throughJira(once, kind)).toBe(once);
          expect(normaliseMarkdown(once)).toBe(once);
          expect(normaliseMarkdown(md)).toBe(once);
        }),
        { numRuns: 40, seed: 7 },
      );
    }, 90_000);
  }
});
