import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FaultPatch } from "../../../sim/jira/index.ts";
import { setUpSync, type SyncFixture } from "../../testing/jira-sync-fixture.ts";
import { findLink } from "../../models/jira-links.ts";
import { LINK_MARKER } from "./create-epic.ts";
import { syncLink } from "./sync-link.ts";

/** Ways the marker search can fail; each must read as "unknown", never as "absent". */
const searchFailures: Array<{ name: string; faults: FaultPatch }> = [
  { name: "a 503", faults: { errorRate: 1, errorStatus: 503 } },
  { name: "a 429 with a long Retry-After", faults: { rateLimitRate: 1, retryAfterSeconds: 120 } },
  { name: "a timeout", faults: { latencyMs: 800 } },
];

/**
 * SYNC-PITFALLS 9: after a create whose answer was lost, Tether looks for its marker before
 * creating again. When that search fails, the Epic's existence is unknown: the run retries later
 * and never sends a second create. Only the search fails (the simulator's `onlyPaths`); Jira's
 * index settles at once here (settle 0), so treating the error as "absent" would create at once.
 */
describe.each(["cloud", "datacenter"] as const)("idempotent Epic create when the marker search fails (%s)", (flavor) => {
  let f: SyncFixture;
  beforeAll(async () => {
    f = await setUpSync(flavor, { worker: false, prefix: `lookup-${flavor}`, env: { JIRA_SEARCH_SETTLE_MS: "0", JIRA_TIMEOUT_MS: "400" } });
  });
  afterAll(async () => f?.close());

  const epicsMarkedFor = (linkId: string) =>
    [...f.sim.control.store.issues.values()].filter((issue) => (issue.properties[LINK_MARKER] as { linkId?: string } | undefined)?.linkId === linkId);

  /** Links with "create": Jira commits the Epic, the connection dies before the answer. */
  async function createWithLostAnswer(title: string) {
    const useCase = await f.createUseCase({ title });
    f.sim.control.setFaults({ resetAfterWriteRate: 1 });
    try {
      const linked = await f.link(useCase.id, { create: true });
      expect(linked.status, JSON.stringify(linked.body)).toBe(201);
      expect(linked.body.link.state).toBe("creating");
      return linked.body.link.id;
    } finally {
      f.sim.control.setFaults({ resetAfterWriteRate: 0 });
    }
  }

  it("finds its Epic beyond the search's first page: 60 more Epics were created after it", async () => {
    const linkId = await createWithLostAnswer("Lost answer in a busy project");
    for (let n = 0; n < 60; n += 1) {
      f.sim.control.createIssue("ada", { project: { key: f.projectKey }, issuetype: { id: f.mapping.issueTypeId }, summary: `Busy ${n}`, ...(flavor === "datacenter" ? { customfield_10102: `Busy ${n}` } : {}) });
    }
    expect((await syncLink(f.app.deps, linkId, "reconcile")).outcome).toBe("ok");
    expect(epicsMarkedFor(linkId)).toHaveLength(1);
    expect((await findLink(f.app.deps.db, linkId))?.issue_key).toBe(epicsMarkedFor(linkId)[0]?.key);
  });

  it.each(searchFailures)("retries later on $name, and adopts the Epic once the search works", async ({ name, faults }) => {
    const linkId = await createWithLostAnswer(`Lost answer, then ${name}`);
    expect(epicsMarkedFor(linkId)).toHaveLength(1);
    f.sim.control.setFaults({ ...faults, onlyPaths: ["/search"] });
    try {
      for (let run = 0; run < 2; run += 1) {
        const outcome = await syncLink(f.app.deps, linkId, "reconcile");
        expect(outcome.outcome).toBe("retrying");
        expect(outcome.rerunAt!.getTime()).toBeGreaterThan(Date.now());
      }
    } finally {
      f.sim.control.setFaults({ errorRate: 0, rateLimitRate: 0, retryAfterSeconds: 5, latencyMs: 0, onlyPaths: [] });
      await sql`DELETE FROM jira_rate_limit`.execute(f.app.deps.db);
    }
    expect(epicsMarkedFor(linkId), "no second Epic while the search failed").toHaveLength(1);
    const waiting = (await findLink(f.app.deps.db, linkId))!;
    expect(waiting).toMatchObject({ state: "retrying", issue_key: null });
    expect(waiting.create_attempted_at, "the create intent is kept").not.toBeNull();

    expect((await syncLink(f.app.deps, linkId, "reconcile")).outcome).toBe("ok");
    const [epic] = epicsMarkedFor(linkId);
    expect(epicsMarkedFor(linkId)).toHaveLength(1);
    expect(await findLink(f.app.deps.db, linkId)).toMatchObject({ state: "ok", issue_key: epic!.key, create_attempted_at: null });
    const log = await f.app.deps.db.selectFrom("jira_sync_log").select("operation").where("link_id", "=", linkId).execute();
    expect(log.map((entry) => entry.operation)).toContain("adopt");
  });
});
