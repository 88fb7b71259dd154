import { describe, expect, it } from "vitest";
import { epicJql } from "./import-epics.ts";
import { RECONCILE_OVERLAP_MINUTES, reconcileJql, reconcileWindowMinutes } from "./reconcile.ts";

describe("reconciliation window", () => {
  const now = new Date("2026-01-01T12:00:00Z");
  const ago = (ms: number) => new Date(now.getTime() - ms);

  it("covers the time since the last run plus the overlap, whole minutes rounded up, at least 2", () => {
    expect(reconcileWindowMinutes(ago(60_000), now)).toBe(1 + RECONCILE_OVERLAP_MINUTES);
    expect(reconcileWindowMinutes(ago(61_000), now)).toBe(2 + RECONCILE_OVERLAP_MINUTES);
    expect(reconcileWindowMinutes(ago(3 * 3_600_000), now)).toBe(180 + RECONCILE_OVERLAP_MINUTES);
    expect(reconcileWindowMinutes(now, now)).toBeGreaterThanOrEqual(2);
    expect(RECONCILE_OVERLAP_MINUTES).toBeGreaterThanOrEqual(2);
  });

  it("looks back a day on a workspace's first run", () => {
    expect(reconcileWindowMinutes(null, now)).toBe(1440);
  });

  it("asks Jira in relative minutes over the mapped projects, each once", () => {
    expect(reconcileJql(["TETH", "OPS", "TETH"], 7)).toBe('project in ("TETH", "OPS") AND updated >= -7m ORDER BY updated ASC');
  });
});

describe("import JQL", () => {
  const setup = { mapping: { projectKey: "TETH", issueTypeId: "10000" }, connection: { project_keys: ["TETH", "OPS"] } } as Parameters<typeof epicJql>[1];

  it("narrows the caller's JQL to the mapped issue type in synced projects, keeping its order", () => {
    expect(epicJql("labels = q3 OR status = Done ORDER BY created DESC", setup)).toBe(
      '(labels = q3 OR status = Done) AND project in ("TETH", "OPS") AND issuetype = "10000" ORDER BY created DESC',
    );
    expect(epicJql("project = TETH", setup)).toBe('(project = TETH) AND project in ("TETH", "OPS") AND issuetype = "10000" ORDER BY key ASC');
  });
});
