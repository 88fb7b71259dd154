import { floorToMinute, resolveDate } from "./dates.ts";
import { JqlSemanticError } from "./errors.ts";
import { clauseFieldName, FIELD_NAMES, fieldDefinitions, type DateField, type EqualityField, type FieldDef, type TextField } from "./fields.ts";
import { compileOrder } from "./order.ts";
import { compileTextSearch } from "./text-search.ts";
import type { CompiledJql, JqlClause, JqlContext, JqlIssue, JqlNode, JqlOperator, JqlQuery, JqlValue } from "./types.ts";

type Predicate = (issue: JqlIssue) => boolean;
type Problems = string[];

const ALWAYS: Predicate = () => true;
const NEVER: Predicate = () => false;

export function fieldDoesNotExist(name: string): string {
  return `Field '${name}' does not exist or you do not have permission to view it.`;
}

function unsupported(operator: JqlOperator, field: string): string {
  return `The operator '${operator}' is not supported by the '${field}' field.`;
}

function describe(value: JqlValue): string {
  switch (value.kind) {
    case "text":
      return value.text;
    case "empty":
      return "EMPTY";
    case "function":
      return `${value.name}(${value.args.join(", ")})`;
    case "list":
      return `(${value.items.map(describe).join(", ")})`;
  }
}

/** Checks the operand's shape against the operator; returns the single values or list items. */
function operandsFor(clause: JqlClause, problems: Problems): readonly JqlValue[] | null {
  const { operator, value, field } = clause;
  if (operator === "is" || operator === "is not") {
    if (value.kind !== "empty") {
      problems.push(`The operator '${operator}' only supports the use of EMPTY or NULL values for the field '${field}'.`);
      return null;
    }
    return [value];
  }
  if (operator === "in" || operator === "not in") {
    if (value.kind === "list") return value.items;
    if (value.kind === "function") return [value];
    problems.push(`The operator '${operator}' does not support the single value '${describe(value)}' for the field '${field}'; use a list such as ('${describe(value)}').`);
    return null;
  }
  if (value.kind === "list") {
    problems.push(`The operator '${operator}' does not support the list value '${describe(value)}' for the field '${field}'.`);
    return null;
  }
  return [value];
}

function compileEquality(clause: JqlClause, def: EqualityField, problems: Problems): Predicate {
  const { operator, field } = clause;
  const ordering = operator === ">" || operator === ">=" || operator === "<" || operator === "<=";
  if (operator === "~" || operator === "!~" || (ordering && !def.compareTo)) {
    problems.push(unsupported(operator, field));
    return NEVER;
  }
  const operands = operandsFor(clause, problems);
  if (!operands) return NEVER;
  let includesEmpty = false;
  let matchesNothing = false;
  const wanted = new Set<string>();
  for (const operand of operands) {
    if (operand.kind === "empty") {
      includesEmpty = true;
      continue;
    }
    if (operand.kind === "list") continue;
    const resolved = def.resolve(operand, field);
    if (!resolved.ok) problems.push(resolved.message);
    else if (resolved.value === null) matchesNothing = true;
    else wanted.add(resolved.value);
  }
  const { isEmpty, has } = def;
  if (ordering) {
    const compareTo = def.compareTo;
    const [target] = [...wanted];
    if (!compareTo || target === undefined) return NEVER;
    const accept = operator === ">" ? (sign: number) => sign > 0 : operator === ">=" ? (sign: number) => sign >= 0 : operator === "<" ? (sign: number) => sign < 0 : (sign: number) => sign <= 0;
    return (issue) => {
      const sign = compareTo(issue, target);
      return sign !== null && accept(sign);
    };
  }
  if (matchesNothing && wanted.size === 0 && !includesEmpty) return operator === "!=" || operator === "not in" ? (issue) => !isEmpty(issue) : NEVER;
  switch (operator) {
    case "is":
      return isEmpty;
    case "is not":
      return (issue) => !isEmpty(issue);
    case "=":
    case "in":
      if (includesEmpty) return wanted.size === 0 ? isEmpty : (issue) => isEmpty(issue) || has(issue, wanted);
      return (issue) => has(issue, wanted);
    default:
      // Jira's rule: `!=` and NOT IN never match an empty field, whatever the values.
      return (issue) => !isEmpty(issue) && !has(issue, wanted);
  }
}

function compileDate(clause: JqlClause, def: DateField, now: Date, problems: Problems): Predicate {
  const { operator, field } = clause;
  if (operator === "~" || operator === "!~") {
    problems.push(unsupported(operator, field));
    return NEVER;
  }
  const operands = operandsFor(clause, problems);
  if (!operands) return NEVER;
  if (operator === "is") return NEVER;
  if (operator === "is not") return ALWAYS;
  const times: number[] = [];
  for (const operand of operands) {
    // Dates are never empty, so EMPTY in a list adds nothing.
    if (operand.kind === "empty") continue;
    const resolved = resolveDate(operand, field, now);
    if (resolved.ok) times.push(resolved.time);
    else problems.push(resolved.message);
  }
  const get = def.get;
  const [time] = times;
  if (time === undefined) return operator === "!=" || operator === "not in" ? ALWAYS : NEVER;
  switch (operator) {
    case ">":
      return (issue) => get(issue) > time;
    case ">=":
      return (issue) => get(issue) >= time;
    case "<":
      return (issue) => get(issue) < time;
    case "<=":
      return (issue) => get(issue) <= time;
    default: {
      // Jira keeps dates to the minute for equality.
      const minutes = new Set(times.map(floorToMinute));
      const equal = (issue: JqlIssue) => minutes.has(floorToMinute(get(issue)));
      return operator === "=" || operator === "in" ? equal : (issue) => !equal(issue);
    }
  }
}

function compileText(clause: JqlClause, def: TextField, problems: Problems): Predicate {
  const { operator, field, value } = clause;
  if (operator === "is" || operator === "is not") {
    if (!operandsFor(clause, problems)) return NEVER;
    const get = def.get;
    return operator === "is" ? (issue) => get(issue) === "" : (issue) => get(issue) !== "";
  }
  if (operator !== "~" && operator !== "!~") {
    problems.push(unsupported(operator, field));
    return NEVER;
  }
  if (value.kind !== "text") {
    problems.push(`The operator '${operator}' only supports text values for the field '${field}'; got '${describe(value)}'.`);
    return NEVER;
  }
  const matches = compileTextSearch(value.text);
  const get = def.get;
  return operator === "~" ? (issue) => matches(get(issue)) : (issue) => !matches(get(issue));
}

function compileClause(clause: JqlClause, defs: ReadonlyMap<string, FieldDef>, ctx: JqlContext, problems: Problems): Predicate {
  const fieldId = FIELD_NAMES.get(clauseFieldName(clause.field, ctx));
  const def = fieldId === undefined ? undefined : defs.get(fieldId);
  if (!def) {
    problems.push(fieldDoesNotExist(clause.field));
    return NEVER;
  }
  switch (def.kind) {
    case "equality":
      return compileEquality(clause, def, problems);
    case "date":
      return compileDate(clause, def, ctx.now, problems);
    case "text":
      return compileText(clause, def, problems);
  }
}

function compileNode(node: JqlNode, defs: ReadonlyMap<string, FieldDef>, ctx: JqlContext, problems: Problems): Predicate {
  switch (node.kind) {
    case "clause":
      return compileClause(node, defs, ctx, problems);
    case "not": {
      const inner = compileNode(node.child, defs, ctx, problems);
      return (issue) => !inner(issue);
    }
    case "and": {
      const parts = node.children.map((child) => compileNode(child, defs, ctx, problems));
      return (issue) => {
        for (const part of parts) if (!part(issue)) return false;
        return true;
      };
    }
    case "or": {
      const parts = node.children.map((child) => compileNode(child, defs, ctx, problems));
      return (issue) => {
        for (const part of parts) if (part(issue)) return true;
        return false;
      };
    }
  }
}

/**
 * Checks a parsed query against the site and turns it into closures. Every problem is
 * reported at once, as Jira does, in a single `JqlSemanticError`.
 */
export function compileJql(query: JqlQuery, ctx: JqlContext): CompiledJql {
  const defs = fieldDefinitions(ctx);
  const problems: Problems = [];
  const matches = query.where ? compileNode(query.where, defs, ctx, problems) : ALWAYS;
  const compare = compileOrder(query.orderBy, ctx, problems);
  if (problems.length > 0) throw new JqlSemanticError([...new Set(problems)]);
  return { matches, compare, hasOrderBy: query.orderBy.length > 0 };
}
