/**
 * Jira's `~` is a word search, not a substring test: every term must match a word of the text
 * (a term matches a word it begins, standing in for Jira's stemming; `*` and `?` are wildcards),
 * and a term wrapped in quotes must appear as a phrase. Case never matters.
 */
export type TextMatcher = (text: string) => boolean;

const WORD_SPLIT = /[^\p{L}\p{N}]+/u;
/** Lucene's English stop words, which Jira drops from text queries. */
const STOP_WORDS = new Set("a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with".split(" "));

function wordsOf(text: string): string[] {
  return text.toLowerCase().split(WORD_SPLIT).filter((word) => word !== "");
}

function termMatcher(term: string): (word: string) => boolean {
  if (/[*?]/.test(term)) {
    const pattern = term.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[\\p{L}\\p{N}]*").replace(/\?/g, "[\\p{L}\\p{N}]");
    const regex = new RegExp(`^${pattern}$`, "u");
    return (word) => regex.test(word);
  }
  return (word) => word.startsWith(term);
}

export function compileTextSearch(query: string): TextMatcher {
  const trimmed = query.trim();
  const phrase = /^"(.*)"$/s.exec(trimmed);
  if (phrase) {
    const wanted = wordsOf(phrase[1] as string).join(" ");
    return (text) => wanted !== "" && ` ${wordsOf(text).join(" ")} `.includes(` ${wanted} `);
  }
  const terms = trimmed
    .toLowerCase()
    .split(/\s+/)
    .map((term) => term.replace(/[^\p{L}\p{N}*?]+/gu, ""))
    .filter((term) => term !== "" && !STOP_WORDS.has(term));
  if (terms.length === 0) return () => false;
  const matchers = terms.map(termMatcher);
  return (text) => {
    const words = wordsOf(text);
    return matchers.every((matches) => words.some(matches));
  };
}
