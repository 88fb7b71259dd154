import { RESERVED_WORDS } from "./reserved-words.ts";
import { syntaxError, tokenize, type Token } from "./tokens.ts";
import type { JqlClause, JqlNode, JqlOperator, JqlOrderKey, JqlQuery, JqlValue } from "./types.ts";

const VALID_OPERATORS = "'=', '!=', '~', '<=', '>=', '>', '<', '!~', 'is', 'is not', 'in', 'not in', 'was', 'was not', 'was in', 'was not in', 'changed'";
/** History operators Jira accepts but the simulator keeps no history for. */
const HISTORY_OPERATORS = new Set(["was", "changed"]);

function isKeyword(token: Token, word: string): boolean {
  return token.kind === "word" && token.text.toLowerCase() === word && token.raw.toLowerCase() === word;
}

function shown(token: Token): string {
  return token.raw;
}

/**
 * Recursive descent over Jira's grammar: or := and (OR and)*; and := not (AND not)*;
 * not := NOT not | '(' or ')' | clause. Hand-written because no maintained JQL parser exists
 * on npm, and Jira's error wording needs control over every failure point.
 */
/**
 * How deep parentheses and NOTs may nest. Real queries use a handful of levels; thousands would
 * exhaust the stack of this recursive-descent parser (a 500), so they are a syntax error (a 400).
 */
export const MAX_JQL_NESTING = 100;

class Parser {
  private index = 0;
  private depth = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  private get current(): Token {
    return this.tokens[this.index] ?? (this.tokens[this.tokens.length - 1] as Token);
  }

  private advance(): Token {
    const token = this.current;
    if (token.kind !== "eof") this.index += 1;
    return token;
  }

  private isAnd(token: Token): boolean {
    return token.kind === "and" || isKeyword(token, "and");
  }

  private isOr(token: Token): boolean {
    return token.kind === "or" || isKeyword(token, "or");
  }

  private isNot(token: Token): boolean {
    return token.kind === "not" || isKeyword(token, "not");
  }

  parseQuery(): JqlQuery {
    let where: JqlNode | null = null;
    if (this.current.kind !== "eof" && !isKeyword(this.current, "order")) where = this.parseOr();
    let orderBy: JqlOrderKey[] = [];
    if (isKeyword(this.current, "order")) {
      orderBy = this.parseOrderBy();
    }
    const trailing = this.current;
    if (trailing.kind !== "eof") {
      if (trailing.kind === "rparen" && where) throw syntaxError(`Expecting either 'OR' or 'AND' but got ')'.`, trailing.position);
      throw syntaxError(`Expecting either 'OR' or 'AND' but got '${shown(trailing)}'.`, trailing.position);
    }
    return { where, orderBy };
  }

  private parseOr(): JqlNode {
    const children = [this.parseAnd()];
    while (this.isOr(this.current)) {
      this.advance();
      children.push(this.parseAnd());
    }
    return children.length === 1 ? (children[0] as JqlNode) : { kind: "or", children };
  }

  private parseAnd(): JqlNode {
    const children = [this.parseNot()];
    while (this.isAnd(this.current)) {
      this.advance();
      children.push(this.parseNot());
    }
    return children.length === 1 ? (children[0] as JqlNode) : { kind: "and", children };
  }

  private parseNot(): JqlNode {
    const token = this.current;
    if (this.isNot(token) || token.kind === "lparen") {
      if (++this.depth > MAX_JQL_NESTING) {
        throw syntaxError(`The query nests parentheses or NOT more than ${MAX_JQL_NESTING} levels deep. Simplify the query.`, token.position);
      }
      try {
        return this.parseNested(token);
      } finally {
        this.depth--;
      }
    }
    return this.parseClause();
  }

  /** `NOT x` or `( x )`, one level deeper. */
  private parseNested(token: Token): JqlNode {
    this.advance();
    if (this.isNot(token)) return { kind: "not", child: this.parseNot() };
    const inner = this.parseOr();
    const close = this.current;
    if (close.kind === "eof") throw syntaxError("Expecting ')' before the end of the query.", null);
    if (close.kind !== "rparen") throw syntaxError(`Expecting either 'OR' or 'AND' but got '${shown(close)}'.`, close.position);
    this.advance();
    return inner;
  }

  private parseFieldName(): { name: string; token: Token } {
    const token = this.current;
    if (token.kind === "eof") throw syntaxError("Expecting a field name at the end of the query.", null);
    if (token.kind === "string") {
      this.advance();
      return { name: token.text, token };
    }
    if (token.kind !== "word" || token.text === "") {
      throw syntaxError(`Expecting a field name but got '${shown(token)}'. You must surround '${shown(token)}' in quotation marks to use it as a field name.`, token.position);
    }
    const lower = token.text.toLowerCase();
    if (RESERVED_WORDS.has(lower) && lower !== "cf") {
      throw syntaxError(`'${token.raw}' is a reserved JQL word. You must surround it in quotation marks to use it in a query.`, token.position);
    }
    this.advance();
    return { name: token.text, token };
  }

  private parseClause(): JqlClause {
    const { name, token } = this.parseFieldName();
    const operator = this.parseOperator();
    const value = this.parseOperand();
    return { kind: "clause", field: name, operator, value, position: token.position };
  }

  private parseOperator(): JqlOperator {
    const token = this.current;
    if (token.kind === "eof") throw syntaxError(`Expecting operator before the end of the query. The valid operators are ${VALID_OPERATORS}.`, null);
    if (token.kind === "operator") {
      this.advance();
      return token.text as JqlOperator;
    }
    if (isKeyword(token, "in")) {
      this.advance();
      return "in";
    }
    if (isKeyword(token, "is")) {
      this.advance();
      if (this.isNot(this.current)) {
        this.advance();
        return "is not";
      }
      return "is";
    }
    if (isKeyword(token, "not") && isKeyword(this.tokens[this.index + 1] ?? token, "in")) {
      this.advance();
      this.advance();
      return "not in";
    }
    if (token.kind === "word" && HISTORY_OPERATORS.has(token.text.toLowerCase())) {
      throw syntaxError(`The operator '${token.text.toUpperCase()}' is not supported by the Jira simulator: it keeps no change history.`, token.position);
    }
    throw syntaxError(`Expecting operator but got '${shown(token)}'. The valid operators are ${VALID_OPERATORS}.`, token.position);
  }

  private parseOperand(): JqlValue {
    const token = this.current;
    if (token.kind === "eof") throw syntaxError("Expecting either a value, list or function before the end of the query.", null);
    if (token.kind === "lparen") return this.parseList();
    if (token.kind === "string") {
      this.advance();
      return { kind: "text", text: token.text, quoted: true, position: token.position };
    }
    if (token.kind !== "word" || token.text === "") {
      throw syntaxError(`Expecting either a value, list or function but got '${shown(token)}'. You must surround '${shown(token)}' in quotation marks to use it as a value.`, token.position);
    }
    const lower = token.text.toLowerCase();
    if (lower === "empty" || lower === "null") {
      this.advance();
      return { kind: "empty", position: token.position };
    }
    if (this.tokens[this.index + 1]?.kind === "lparen") return this.parseFunction();
    if (RESERVED_WORDS.has(lower)) {
      throw syntaxError(`'${token.raw}' is a reserved JQL word. You must surround it in quotation marks to use it in a query.`, token.position);
    }
    this.advance();
    return { kind: "text", text: token.text, quoted: false, position: token.position };
  }

  private parseFunction(): JqlValue {
    const nameToken = this.advance();
    this.advance();
    const args: string[] = [];
    if (this.current.kind === "rparen") {
      this.advance();
      return { kind: "function", name: nameToken.text, args, position: nameToken.position };
    }
    for (;;) {
      const arg = this.current;
      if (arg.kind === "eof") throw syntaxError("Expecting ')' before the end of the query.", null);
      if (arg.kind !== "word" && arg.kind !== "string") {
        throw syntaxError(`Expecting a function argument but got '${shown(arg)}'. You must surround '${shown(arg)}' in quotation marks to use it as an argument.`, arg.position);
      }
      args.push(arg.text);
      this.advance();
      const separator = this.advance();
      if (separator.kind === "rparen") break;
      if (separator.kind === "eof") throw syntaxError("Expecting ')' before the end of the query.", null);
      if (separator.kind !== "comma") throw syntaxError(`Expecting ',' or ')' but got '${shown(separator)}'.`, separator.position);
    }
    return { kind: "function", name: nameToken.text, args, position: nameToken.position };
  }

  private parseList(): JqlValue {
    const open = this.advance();
    const items: JqlValue[] = [];
    for (;;) {
      items.push(this.parseOperand());
      const separator = this.current;
      if (separator.kind === "eof") throw syntaxError("Expecting ')' before the end of the query.", null);
      this.advance();
      if (separator.kind === "rparen") break;
      if (separator.kind !== "comma") throw syntaxError(`Expecting ',' or ')' but got '${shown(separator)}'.`, separator.position);
    }
    return { kind: "list", items, position: open.position };
  }

  private parseOrderBy(): JqlOrderKey[] {
    this.advance();
    const by = this.current;
    if (by.kind === "eof") throw syntaxError("Expecting 'by' before the end of the query.", null);
    if (!isKeyword(by, "by")) throw syntaxError(`Expecting 'by' but got '${shown(by)}'.`, by.position);
    this.advance();
    const keys: JqlOrderKey[] = [];
    for (;;) {
      const fieldToken = this.current;
      if (fieldToken.kind === "eof") throw syntaxError("Expecting a field name at the end of the query.", null);
      const { name } = this.parseFieldName();
      let direction: "asc" | "desc" = "asc";
      let explicitDirection = false;
      if (isKeyword(this.current, "asc") || isKeyword(this.current, "desc")) {
        direction = this.advance().text.toLowerCase() as "asc" | "desc";
        explicitDirection = true;
      }
      keys.push({ field: name, direction, explicitDirection });
      const next = this.current;
      if (next.kind === "comma") {
        this.advance();
        continue;
      }
      if (next.kind === "eof") break;
      throw syntaxError(`Expecting either a ',' or the end of the query but got '${shown(next)}'.`, next.position);
    }
    return keys;
  }
}

/** Parses JQL text; throws `JqlSyntaxError` with Jira's message and position. */
export function parseJql(text: string): JqlQuery {
  return new Parser(tokenize(text)).parseQuery();
}
