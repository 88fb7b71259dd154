import type { EpicIssuesPage } from "../common/contracts/jira-listing.ts";
import { jiraClientFor } from "../server/commands/jira/client-for.ts";
import { listingFields, rankedChildrenJql } from "../server/commands/jira/epic-listing-rows.ts";
import { findConnection } from "../server/models/jira-connections.ts";
import { createTestApp, type TestApp } from "../server/testing/app.ts";
import { signUpUser, type TestUser } from "../server/testing/client.ts";
import { seedEpic } from "../server/testing/epic-listing-seed.ts";
import setUpTestDatabase from "../server/testing/global-setup.ts";
import { type JiraSim, startJiraSim } from "../sim/jira/index.ts";
import type { BenchOptions, BenchResult } from "./report.ts";

/**
 * The Epic issue listing (issue 9): a 2,000-child Epic, Tether's listing against raw Jira paging in
 * the same run (goal: within 1.5×), and the Jira searches 50 concurrent readers cause (goal: one walk).
 */
const CHILDREN = 2_000;
const READERS = 50;

type Stack = { app: TestApp; sim: JiraSim; admin: TestUser; workspaceId: string; useCaseId: string; epicKey: string };

async function must<T>(label: string, call: Promise<{ status: number; body: T }>, status = 200): Promise<T> {
  const answer = await call;
  if (answer.status !== status) throw new Error(`${label}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

async function setUp(flavor: "cloud" | "datacenter"): Promise<Stack> {
  const [app, sim] = await Promise.all([createTestApp(), startJiraSim({ flavor, seed: "demo" })]);
  const admin = await signUpUser(app, `bench-listing-${flavor}`);
  const { workspace } = await must("workspace", admin.client.post<{ workspace: { id: string } }>("/workspaces", { name: "Bench" }), 201);
  const jira = `/workspaces/${workspace.id}/integrations/jira`;
  const connection =
    flavor === "cloud"
      ? { kind: "cloud", baseUrl: sim.url, accountName: "ada@tether.example", secret: "sim-token-ada", projectKeys: ["TETH"] }
      : { kind: "datacenter_pat", baseUrl: sim.url, secret: "sim-pat-ada", projectKeys: ["TETH"] };
  await must("connection", admin.client.put(`${jira}/connection`, connection));
  await must("metadata", admin.client.post(`${jira}/metadata/refresh`));
  await must("features", admin.client.patch(`${jira}/features`, { toJira: true, fromJira: true, issueListing: true }));
  const proposed = await must("mapping", admin.client.get<{ mapping: unknown }>(`${jira}/mapping`));
  await must("save mapping", admin.client.put(`${jira}/mapping`, proposed.mapping));
  const { epicKey } = seedEpic(sim, flavor, CHILDREN);
  const { useCase } = await must("use case", admin.client.post<{ useCase: { id: string } }>(`/workspaces/${workspace.id}/use-cases`, { title: "Bench epic" }), 201);
  await must("link", admin.client.post(`/workspaces/${workspace.id}/use-cases/${useCase.id}/jira/link`, { issueKey: epicKey }), 201);
  return { app, sim, admin, workspaceId: workspace.id, useCaseId: useCase.id, epicKey };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

async function timed(repeat: number, work: () => Promise<void>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return median(times);
}

async function measure(flavor: "cloud" | "datacenter", repeat: number): Promise<BenchResult[]> {
  const stack = await setUp(flavor);
  try {
    const path = (query: string) => `/workspaces/${stack.workspaceId}/use-cases/${stack.useCaseId}/jira/issues?${query}`;
    const page = (query: string) => must("listing", stack.admin.client.get<EpicIssuesPage>(path(query)));
    const connection = await findConnection(stack.app.deps.db, stack.workspaceId);
    if (!connection) throw new Error("no connection");
    const client = jiraClientFor(stack.app.deps, connection);
    const fields = listingFields(await client.fieldRoles());
    const jql = rankedChildrenJql(await client.epicChildrenJql(stack.epicKey));

    const rawFirst = await timed(repeat, async () => void (await client.searchIssuesPage(jql, { fields, pageSize: 50 })));
    const rawWalk = await timed(repeat, async () => {
      let cursor: string | null = null;
      let count = 0;
      do {
        const answer = await client.searchIssuesPage(jql, { fields, pageSize: 1000, cursor });
        count += answer.issues.length;
        cursor = answer.nextCursor;
      } while (cursor);
      if (count !== CHILDREN) throw new Error(`raw walk saw ${count} issues`);
    });
    const coldFirst = await timed(repeat, async () => void (await page("limit=50&refresh=true")));
    const warmFirst = await timed(repeat, async () => void (await page("limit=50")));
    const walk = async (refresh: boolean) => {
      let cursor: string | null = null;
      let count = 0;
      let first = refresh;
      do {
        const answer: EpicIssuesPage = await page(`limit=200${first ? "&refresh=true" : ""}${cursor ? `&cursor=${cursor}` : ""}`);
        first = false;
        count += answer.issues.length;
        cursor = answer.nextCursor;
      } while (cursor);
      if (count !== CHILDREN) throw new Error(`listing walk saw ${count} issues`);
    };
    const coldWalk = await timed(repeat, () => walk(true));
    const warmWalk = await timed(repeat, () => walk(false));

    // 50 readers of a cold Epic at once: how many Jira walks (first search pages) and search requests.
    await page("limit=1&refresh=true");
    await stack.app.deps.db.withTables<{ epic_listing_snapshots: { link_id: string; invalidated_at: Date | null } }>().updateTable("epic_listing_snapshots").set({ invalidated_at: new Date() }).execute();
    stack.sim.control.clearRequestLog();
    await Promise.all(Array.from({ length: READERS }, () => page("limit=50")));
    const searches = stack.sim.control.requestLog().filter((entry) => /\/search(\/jql)?$/.test(entry.path));
    const perWalk = flavor === "cloud" ? Math.ceil(CHILDREN / 100) : Math.ceil(CHILDREN / 1000);

    const label = (figure: string) => `${flavor}: ${figure}`;
    const rawFirstFigure = { figure: label("raw Jira first page (50)"), value: rawFirst };
    const rawWalkFigure = { figure: label(`raw Jira walk of ${CHILDREN}`), value: rawWalk };
    return [
      { figure: rawFirstFigure.figure, value: rawFirst, unit: "ms", baseline: null },
      { figure: label("Tether first page, cold (loads the whole Epic)"), value: coldFirst, unit: "ms", baseline: rawFirstFigure },
      { figure: label("Tether first page, cached"), value: warmFirst, unit: "ms", baseline: rawFirstFigure },
      { figure: rawWalkFigure.figure, value: rawWalk, unit: "ms", baseline: null },
      { figure: label(`Tether walk of ${CHILDREN}, cold (200 per page)`), value: coldWalk, unit: "ms", baseline: rawWalkFigure },
      { figure: label(`Tether walk of ${CHILDREN}, cached`), value: warmWalk, unit: "ms", baseline: rawWalkFigure },
      { figure: label(`Jira walks for ${READERS} concurrent readers`), value: searches.length / perWalk, unit: "walks", baseline: { figure: "goal", value: 1 } },
      { figure: label(`Jira search requests for ${READERS} concurrent readers`), value: searches.length, unit: "requests", baseline: { figure: "one walk", value: perWalk } },
    ];
  } finally {
    await Promise.all([stack.app.close(), stack.sim.stop()]);
  }
}

export async function runListingBench(options: BenchOptions = { quick: false }): Promise<BenchResult[]> {
  const stopDatabase = await setUpTestDatabase();
  try {
    const repeat = options.quick ? 3 : 7;
    return [...(await measure("cloud", repeat)), ...(await measure("datacenter", repeat))];
  } finally {
    await stopDatabase();
  }
}
