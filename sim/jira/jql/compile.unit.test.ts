import { describe, expect, it } from "vitest";
import { compileJql, JqlSemanticError, parseJql, type JqlContext, type JqlIssue } from "./index.ts";

const NOW = new Date("2024-02-10T12:00:00Z");
const alice = { accountId: "acc-alice", name: "alice", key: "JIRAUSER1", displayName: "Alice Archer", email: "alice@example.com" };
const bob = { accountId: "acc-bob", displayName: "Bob Baker" };

function issue(overrides: Partial<JqlIssue> & { key: string }): JqlIssue {
  return {
    id: String(10000 + Number(overrides.key.split("-")[1])),
    projectKey: overrides.key.split("-")[0] as string,
    issueType: "Story",
    parentKey: null,
    epicLinkKey: null,
    status: "To Do",
    statusCategory: "new",
    assignee: null,
    labels: [],
    summary: "",
    created: new Date("2024-01-01T00:00:00Z"),
    updated: new Date("2024-01-01T00:00:00Z"),
    priority: "Medium",
    ...overrides,
  };
}

const issues: JqlIssue[] = [
  issue({ key: "ABC-1", issueType: "Epic", summary: "Checkout redesign", status: "In Progress", statusCategory: "indeterminate", assignee: alice, labels: ["Payments"], updated: new Date("2024-02-10T11:58:00Z"), priority: "High" }),
  issue({ key: "ABC-2", parentKey: "ABC-1", summary: "Testing the payment form", assignee: bob, labels: ["payments", "ui"], updated: new Date("2024-02-09T10:00:00Z") }),
  issue({ key: "ABC-10", epicLinkKey: "ABC-1", summary: "Refund flow", status: "Done", statusCategory: "done", updated: new Date("2024-01-31T10:00:00Z"), created: new Date("2024-01-31T10:00:30Z"), priority: null }),
  issue({ key: "ABC-3", issueType: "Sub-task", parentKey: "ABC-2", summary: "Write form tests", assignee: alice, priority: "Low" }),
  issue({ key: "XYZ-1", summary: "Unrelated work", assignee: bob, status: "Done", statusCategory: "done", priority: "Highest" }),
];

const cloud: JqlContext = {
  currentUser: alice,
  now: NOW,
  flavor: "cloud",
  knownProjectKeys: new Set(["abc", "xyz"]),
  knownStatuses: new Set(["to do", "in progress", "done"]),
  knownIssueTypes: new Set(["epic", "story", "sub-task"]),
  projectKeysById: new Map([["10000", "ABC"]]),
  priorityOrder: ["Highest", "High", "Medium", "Low"],
};
const dc: JqlContext = { ...cloud, flavor: "datacenter", currentUser: { name: "alice", key: "JIRAUSER1", displayName: "Alice Archer" } };

function keys(jql: string, ctx: JqlContext = cloud): string[] {
  const compiled = compileJql(parseJql(jql), ctx);
  const found = issues.filter((candidate) => compiled.matches(candidate));
  return compiled.hasOrderBy ? found.sort(compiled.compare).map((found) => found.key) : found.map((found) => found.key).sort();
}

function semanticErrors(jql: string, ctx: JqlContext = cloud): string[] {
  try {
    compileJql(parseJql(jql), ctx);
  } catch (error) {
    expect(error).toBeInstanceOf(JqlSemanticError);
    return (error as JqlSemanticError).errorMessages;
  }
  throw new Error(`expected '${jql}' to be rejected`);
}

describe("compileJql matching", () => {
  it("matches project, key, type, status and category case-insensitively, also by id", () => {
    expect(keys("project = abc")).toEqual(["ABC-1", "ABC-10", "ABC-2", "ABC-3"]);
    expect(keys("PROJECT = 10000 and STATUS = 'in progress'")).toEqual(["ABC-1"]);
    expect(keys("issuekey in (abc-2, XYZ-1) OR key = 10003")).toEqual(["ABC-2", "ABC-3", "XYZ-1"]);
    expect(keys("type = epic")).toEqual(["ABC-1"]);
    expect(keys('statusCategory = "To Do"')).toEqual(["ABC-2", "ABC-3"]);
    expect(keys("statusCategory in (done, 4)")).toEqual(["ABC-1", "ABC-10", "XYZ-1"]);
  });

  it("compares keys by number within a project", () => {
    expect(keys("key > ABC-2")).toEqual(["ABC-10", "ABC-3"]);
    expect(keys("key <= ABC-2")).toEqual(["ABC-1", "ABC-2"]);
  });

  it("applies Jira's empty rule: != and NOT IN skip empty fields, NOT (=) does not", () => {
    expect(keys("assignee != acc-bob")).toEqual(["ABC-1", "ABC-3"]);
    expect(keys("NOT assignee = acc-bob")).toEqual(["ABC-1", "ABC-10", "ABC-3"]);
    expect(keys("assignee not in (acc-alice)")).toEqual(["ABC-2", "XYZ-1"]);
    expect(keys("assignee is EMPTY")).toEqual(["ABC-10"]);
    expect(keys("assignee = null")).toEqual(["ABC-10"]);
    expect(keys("assignee in (EMPTY, acc-bob)")).toEqual(["ABC-10", "ABC-2", "XYZ-1"]);
    expect(keys("labels is not empty")).toEqual(["ABC-1", "ABC-2"]);
    expect(keys("labels != ui")).toEqual(["ABC-1"]);
    expect(keys("priority is EMPTY")).toEqual(["ABC-10"]);
  });

  it("resolves currentUser() and every way of naming a user", () => {
    expect(keys("assignee = currentUser()")).toEqual(["ABC-1", "ABC-3"]);
    expect(keys("assignee = currentUser()", dc)).toEqual(["ABC-1", "ABC-3"]);
    expect(keys("assignee in ('alice@example.com', 'Bob Baker')")).toEqual(["ABC-1", "ABC-2", "ABC-3", "XYZ-1"]);
    expect(keys("assignee = ALICE", dc)).toEqual(["ABC-1", "ABC-3"]);
    expect(keys("assignee = currentUser()", { ...cloud, currentUser: null })).toEqual([]);
  });

  it("matches labels case-insensitively", () => {
    expect(keys("labels = PAYMENTS")).toEqual(["ABC-1", "ABC-2"]);
    expect(keys("labels in (ui, nothing)")).toEqual(["ABC-2"]);
  });

  it("searches summary words with ~ and !~", () => {
    expect(keys("summary ~ test")).toEqual(["ABC-2", "ABC-3"]);
    expect(keys("summary ~ 'FORM tests'")).toEqual(["ABC-3"]);
    expect(keys("summary ~ 'pay*'")).toEqual(["ABC-2"]);
    expect(keys('summary ~ "\\"payment form\\""')).toEqual(["ABC-2"]);
    expect(keys('summary ~ "\\"form payment\\""')).toEqual([]);
    expect(keys("summary ~ est")).toEqual([]);
    expect(keys("summary !~ form")).toEqual(["ABC-1", "ABC-10", "XYZ-1"]);
    expect(keys("text ~ refund")).toEqual(["ABC-10"]);
  });

  it("finds Epic children by parent on Cloud and by Epic Link on Data Center", () => {
    expect(keys("parent = ABC-1")).toEqual(["ABC-10", "ABC-2"]);
    expect(keys('"Epic Link" = ABC-1')).toEqual(["ABC-10", "ABC-2"]);
    expect(keys('"epic link" = ABC-1', dc)).toEqual(["ABC-10"]);
    expect(keys("parent = ABC-1", dc)).toEqual(["ABC-2"]);
    expect(keys("parent = ABC-2", dc)).toEqual(["ABC-3"]);
    expect(keys("parent is empty and project = ABC", dc)).toEqual(["ABC-1", "ABC-10"]);
  });

  it("reads cf[NNNNN] as the custom field it names, in clauses and ORDER BY", () => {
    const withCustomFields: JqlContext = { ...dc, customFieldNames: new Map([["10100", "Epic Link"], ["10106", "Story Points"]]) };
    expect(keys("cf[10100] = ABC-1", withCustomFields)).toEqual(["ABC-10"]);
    expect(keys("CF[10100] in (ABC-1, XYZ-9) AND project = ABC", withCustomFields)).toEqual(["ABC-10"]);
    expect(keys("cf[10100] is empty AND project = ABC", withCustomFields)).toEqual(["ABC-1", "ABC-2", "ABC-3"]);
    expect(keys("project = ABC ORDER BY cf[10100] ASC, key ASC", withCustomFields)).toEqual(["ABC-10", "ABC-1", "ABC-2", "ABC-3"]);
    // An id the site does not have is an unknown field, as is any cf[] without the site's ids.
    expect(semanticErrors("cf[99999] = ABC-1", withCustomFields)).toEqual(["Field 'cf[99999]' does not exist or you do not have permission to view it."]);
    expect(semanticErrors("cf[10100] = ABC-1", dc)).toEqual(["Field 'cf[10100]' does not exist or you do not have permission to view it."]);
  });

  it("compares dates: absolute, relative to now, and day functions", () => {
    expect(keys('updated >= "2024-02-09"')).toEqual(["ABC-1", "ABC-2"]);
    expect(keys('updated >= "2024/02/09 10:01"')).toEqual(["ABC-1"]);
    expect(keys("updated > -5m")).toEqual(["ABC-1"]);
    expect(keys("updated > -1d")).toEqual(["ABC-1"]);
    expect(keys("updated > '-1d 3h'")).toEqual(["ABC-1", "ABC-2"]);
    expect(keys("updated < -2w")).toEqual(["ABC-3", "XYZ-1"]);
    expect(keys("updated >= -3h and updated < now()")).toEqual(["ABC-1"]);
    expect(keys("updated >= startOfDay()")).toEqual(["ABC-1"]);
    expect(keys("updated >= startOfDay(-1d)")).toEqual(["ABC-1", "ABC-2"]);
    expect(keys('created = "2024-01-31 10:00"')).toEqual(["ABC-10"]);
    expect(keys('createdDate != "2024-01-31 10:00" and project = ABC')).toEqual(["ABC-1", "ABC-2", "ABC-3"]);
    expect(keys("updated is empty")).toEqual([]);
  });

  it("orders priorities by rank when the site's order is known", () => {
    expect(keys("priority > Medium")).toEqual(["ABC-1", "XYZ-1"]);
    expect(keys("priority in (low, HIGHEST)")).toEqual(["ABC-3", "XYZ-1"]);
  });
});

describe("compileJql ORDER BY", () => {
  it("sorts by several keys, with direction", () => {
    expect(keys("ORDER BY status ASC, key DESC")).toEqual(["XYZ-1", "ABC-10", "ABC-1", "ABC-3", "ABC-2"]);
    expect(keys("project = ABC ORDER BY key")).toEqual(["ABC-1", "ABC-2", "ABC-3", "ABC-10"]);
    expect(keys("project = ABC order by updated desc")).toEqual(["ABC-1", "ABC-2", "ABC-10", "ABC-3"]);
  });

  it("puts empty values last ascending and first descending", () => {
    expect(keys("project = ABC ORDER BY assignee, key")).toEqual(["ABC-1", "ABC-3", "ABC-2", "ABC-10"]);
    expect(keys("project = ABC ORDER BY assignee DESC, key")).toEqual(["ABC-10", "ABC-2", "ABC-1", "ABC-3"]);
  });

  it("sorts priority by rank: descending is highest first, empty priority first as with any empty value", () => {
    expect(keys("ORDER BY priority DESC")).toEqual(["ABC-10", "XYZ-1", "ABC-1", "ABC-2", "ABC-3"]);
    expect(keys("ORDER BY priority ASC")).toEqual(["ABC-3", "ABC-2", "ABC-1", "XYZ-1", "ABC-10"]);
  });

  it("leaves ties to the caller and reports hasOrderBy", () => {
    const compiled = compileJql(parseJql("project = ABC"), cloud);
    expect(compiled.hasOrderBy).toBe(false);
    expect(compiled.compare(issues[0] as JqlIssue, issues[1] as JqlIssue)).toBe(0);
  });
});

describe("compileJql errors", () => {
  it("rejects unknown fields, projects, statuses and types in Jira's words, all at once", () => {
    expect(semanticErrors("foo = bar AND project = NOPE AND status = Nope AND type = Bug")).toEqual([
      "Field 'foo' does not exist or you do not have permission to view it.",
      "The value 'NOPE' does not exist for the field 'project'.",
      "The value 'Nope' does not exist for the field 'status'.",
      "The value 'Bug' does not exist for the field 'type'.",
    ]);
    expect(semanticErrors("statusCategory = Finished")).toEqual(["The value 'Finished' does not exist for the field 'statusCategory'."]);
    expect(semanticErrors("project = 99999")).toEqual(["The value '99999' does not exist for the field 'project'."]);
  });

  it("accepts any value when the context does not list the known names", () => {
    expect(keys("project = NOPE", { currentUser: null, now: NOW, flavor: "cloud" })).toEqual([]);
  });

  it("rejects operators a field does not support", () => {
    expect(semanticErrors("status ~ Done")).toEqual(["The operator '~' is not supported by the 'status' field."]);
    expect(semanticErrors("summary = x")).toEqual(["The operator '=' is not supported by the 'summary' field."]);
    expect(semanticErrors("status > Done")).toEqual(["The operator '>' is not supported by the 'status' field."]);
    const { priorityOrder: _unused, ...withoutOrder } = cloud;
    expect(semanticErrors("priority > Low", withoutOrder)).toEqual(["The operator '>' is not supported by the 'priority' field."]);
    expect(semanticErrors("status is Done")).toEqual(["The operator 'is' only supports the use of EMPTY or NULL values for the field 'status'."]);
    expect(semanticErrors("status = (Done, 'To Do')")[0]).toContain("does not support the list value '(Done, To Do)'");
    expect(semanticErrors("status in Done")[0]).toContain("The operator 'in' does not support the single value 'Done'");
  });

  it("rejects bad dates, keys, functions and sort fields", () => {
    expect(semanticErrors("updated > yesterday")).toEqual([
      "Date value 'yesterday' for field 'updated' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.",
    ]);
    expect(semanticErrors("created > '2024-02-31'")[0]).toContain("Date value '2024-02-31' for field 'created' is invalid.");
    expect(semanticErrors("updated > tomorrow()")).toEqual(["Unable to find JQL function 'tomorrow()'."]);
    expect(semanticErrors("key = banana")).toEqual(["The issue key 'banana' for field 'key' is invalid."]);
    expect(semanticErrors("parent = epic")).toEqual(["The issue key 'epic' for field 'parent' is invalid."]);
    expect(semanticErrors("status = currentUser()")).toEqual(["Function 'currentUser' is not supported for the field 'status'."]);
    expect(semanticErrors("project = ABC ORDER BY labels, nope")).toEqual([
      "Field 'labels' does not support sorting.",
      "Field 'nope' does not exist or you do not have permission to view it.",
    ]);
  });
});

describe("compileJql speed", () => {
  it("matches 100,000 issues in well under a second", () => {
    const many: JqlIssue[] = [];
    for (let index = 0; index < 100_000; index += 1) {
      many.push(issue({ key: `ABC-${index}`, summary: `Issue number ${index} about checkout`, labels: index % 3 === 0 ? ["payments"] : [], assignee: index % 2 ? alice : null, updated: new Date(NOW.getTime() - index * 60_000) }));
    }
    const compiled = compileJql(parseJql("project = ABC AND (labels = payments OR assignee = currentUser()) AND updated > -30d AND summary ~ checkout ORDER BY updated DESC"), cloud);
    // CPU time, not wall-clock time: on a busy machine the wall clock also counts the time other
    // processes had the CPU, which says nothing about how much work matching takes.
    const started = process.cpuUsage();
    const found = many.filter((candidate) => compiled.matches(candidate)).sort(compiled.compare);
    const used = process.cpuUsage(started);
    const elapsed = (used.user + used.system) / 1000;
    expect(found.length).toBe(28_800);
    expect(found[0]?.key).toBe("ABC-0");
    expect(found[1]?.key).toBe("ABC-1");
    console.log(`JQL: matched and sorted 100,000 issues in ${elapsed.toFixed(1)} ms of CPU time`);
    expect(elapsed).toBeLessThan(1_000);
  });
});
