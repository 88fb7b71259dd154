import { describe, expect, it } from "vitest";
import { JqlSyntaxError, parseJql, type JqlNode } from "./index.ts";

function messagesOf(text: string): string[] {
  try {
    parseJql(text);
  } catch (error) {
    expect(error).toBeInstanceOf(JqlSyntaxError);
    return (error as JqlSyntaxError).errorMessages;
  }
  throw new Error(`expected '${text}' not to parse`);
}

/** A compact rendering of the tree to assert precedence. */
function shape(node: JqlNode | null): string {
  if (node === null) return "-";
  switch (node.kind) {
    case "clause":
      return `${node.field}${node.operator}${node.value.kind === "text" ? node.value.text : node.value.kind}`;
    case "not":
      return `!${shape(node.child)}`;
    case "and":
      return `(${node.children.map(shape).join(" & ")})`;
    case "or":
      return `(${node.children.map(shape).join(" | ")})`;
  }
}

describe("parseJql", () => {
  it("refuses nesting thousands of levels deep with a syntax error (Jira's 400), not a stack overflow", () => {
    const deep = `${"(".repeat(5000)}project = TETH${")".repeat(5000)}`;
    expect(messagesOf(deep)[0]).toMatch(/more than 100 levels deep/);
    expect(messagesOf(`${"NOT ".repeat(5000)}project = TETH`)[0]).toMatch(/more than 100 levels deep/);
    expect(shape(parseJql(`${"(".repeat(100)}project = TETH${")".repeat(100)}`).where)).toBe("project=TETH");
  });

  it("binds NOT tighter than AND, AND tighter than OR", () => {
    expect(shape(parseJql("a = 1 OR b = 2 AND NOT c = 3").where)).toBe("(a=1 | (b=2 & !c=3))");
    expect(shape(parseJql("(a = 1 OR b = 2) AND c = 3").where)).toBe("((a=1 | b=2) & c=3)");
    expect(shape(parseJql("NOT (a = 1 OR b = 2)").where)).toBe("!(a=1 | b=2)");
    expect(shape(parseJql("a = 1 && b = 2 || !c = 3").where)).toBe("((a=1 & b=2) | !c=3)");
  });

  it("reads keywords, operators and ORDER BY in any case", () => {
    const query = parseJql('Project in (ABC, "x y") and status Not In (Done) oR assignee IS not empty Order By created desc, KEY');
    expect(shape(query.where)).toBe("((Projectinlist & statusnot inlist) | assigneeis notempty)");
    expect(query.orderBy).toEqual([
      { field: "created", direction: "desc", explicitDirection: true },
      { field: "KEY", direction: "asc", explicitDirection: false },
    ]);
  });

  it("parses every operator", () => {
    for (const operator of ["=", "!=", ">", ">=", "<", "<=", "~", "!~"]) {
      const where = parseJql(`updated ${operator} -1d`).where;
      expect(where).toMatchObject({ kind: "clause", operator });
    }
    expect(parseJql("labels in (a)").where).toMatchObject({ operator: "in" });
    expect(parseJql("labels not in (a)").where).toMatchObject({ operator: "not in" });
    expect(parseJql("labels is EMPTY").where).toMatchObject({ operator: "is", value: { kind: "empty" } });
    expect(parseJql("labels is not null").where).toMatchObject({ operator: "is not", value: { kind: "empty" } });
  });

  it("reads quoted values, escapes, functions and lists", () => {
    expect(parseJql(`summary ~ 'it\\'s "fine"'`).where).toMatchObject({ value: { kind: "text", text: `it's "fine"`, quoted: true } });
    expect(parseJql('"Epic Link" = ABC-1').where).toMatchObject({ field: "Epic Link", value: { text: "ABC-1", quoted: false } });
    expect(parseJql("assignee = currentUser()").where).toMatchObject({ value: { kind: "function", name: "currentUser", args: [] } });
    expect(parseJql('updated > startOfDay("-1d")').where).toMatchObject({ value: { kind: "function", name: "startOfDay", args: ["-1d"] } });
    expect(parseJql("assignee in (currentUser(), EMPTY, bob)").where).toMatchObject({
      value: { kind: "list", items: [{ kind: "function" }, { kind: "empty" }, { kind: "text", text: "bob" }] },
    });
    expect(parseJql("cf[10014] = ABC-1").where).toMatchObject({ field: "cf[10014]" });
  });

  it("accepts an empty query and ORDER BY alone", () => {
    expect(parseJql("")).toEqual({ where: null, orderBy: [] });
    expect(parseJql("  order by updated DESC")).toEqual({ where: null, orderBy: [{ field: "updated", direction: "desc", explicitDirection: true }] });
  });

  it("reports errors in Jira's words with line and character", () => {
    expect(messagesOf("project foo")).toEqual([
      "Error in the JQL Query: Expecting operator but got 'foo'. The valid operators are '=', '!=', '~', '<=', '>=', '>', '<', '!~', 'is', 'is not', 'in', 'not in', 'was', 'was not', 'was in', 'was not in', 'changed'. (line 1, character 9)",
    ]);
    expect(messagesOf("project = ABC foo = 1")).toEqual(["Error in the JQL Query: Expecting either 'OR' or 'AND' but got 'foo'. (line 1, character 15)"]);
    expect(messagesOf("status = ")).toEqual(["Error in the JQL Query: Expecting either a value, list or function before the end of the query."]);
    expect(messagesOf("status")).toEqual([expect.stringContaining("Error in the JQL Query: Expecting operator before the end of the query.")]);
    expect(messagesOf("status = )")).toEqual([
      "Error in the JQL Query: Expecting either a value, list or function but got ')'. You must surround ')' in quotation marks to use it as a value. (line 1, character 10)",
    ]);
    expect(messagesOf("(status = Done")).toEqual(["Error in the JQL Query: Expecting ')' before the end of the query."]);
    expect(messagesOf("status = Done)")).toEqual(["Error in the JQL Query: Expecting either 'OR' or 'AND' but got ')'. (line 1, character 14)"]);
    expect(messagesOf('summary ~ "abc')).toEqual(["Error in the JQL Query: The quoted string 'abc' has not been completed. (line 1, character 11)"]);
    expect(messagesOf("assignee = bob@example.com")).toEqual([
      "Error in the JQL Query: The character '@' is a reserved JQL character. You must enclose it in a string or use the escape '\\u0040' instead. (line 1, character 15)",
    ]);
    expect(messagesOf("summary ~ update")).toEqual([
      "Error in the JQL Query: 'update' is a reserved JQL word. You must surround it in quotation marks to use it in a query. (line 1, character 11)",
    ]);
    expect(messagesOf("status in (Done, ")).toEqual(["Error in the JQL Query: Expecting either a value, list or function before the end of the query."]);
    expect(messagesOf("status in (Done Open)")).toEqual(["Error in the JQL Query: Expecting ',' or ')' but got 'Open'. (line 1, character 17)"]);
    expect(messagesOf("status = Done ORDER created")).toEqual(["Error in the JQL Query: Expecting 'by' but got 'created'. (line 1, character 21)"]);
    expect(messagesOf("status = Done ORDER BY")).toEqual(["Error in the JQL Query: Expecting a field name at the end of the query."]);
    expect(messagesOf("status = Done ORDER BY created sideways")).toEqual([
      "Error in the JQL Query: Expecting either a ',' or the end of the query but got 'sideways'. (line 1, character 32)",
    ]);
    expect(messagesOf("status = Done AND")).toEqual(["Error in the JQL Query: Expecting a field name at the end of the query."]);
  });

  it("counts lines and characters across newlines", () => {
    expect(messagesOf("project = ABC\n  AND status Done")).toEqual([expect.stringMatching(/but got 'Done'\..*\(line 2, character 14\)$/)]);
  });

  it("names history operators as unsupported rather than misreading them", () => {
    expect(messagesOf("status was Done")[0]).toContain("'WAS' is not supported");
  });
});
