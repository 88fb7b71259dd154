import type { PlanningBoard, PlanningResyncJob, ProgramIncrement } from "../common/contracts/planning.ts";
import { jiraClientFor } from "../server/commands/jira/client-for.ts";
import { runPiResync } from "../server/commands/planning/resync-job.ts";
import { findConnection } from "../server/models/jira-connections.ts";
import { createTestApp } from "../server/testing/app.ts";
import { signUpUser } from "../server/testing/client.ts";
import { seedEpic } from "../server/testing/epic-listing-seed.ts";
import setUpTestDatabase from "../server/testing/global-setup.ts";
import { startJiraSim } from "../sim/jira/index.ts";
import type { BenchOptions, BenchResult } from "./report.ts";

/**
 * PI planning (issue 14): open a board of 500 cards (time and Jira requests) and 100 card moves
 * (Tether's added latency over the raw Agile API call measured in the same run, Jira requests per move).
 */

async function must<T>(label: string, call: Promise<{ status: number; body: T }>, status = 200): Promise<T> {
  const answer = await call;
  if (answer.status !== status) throw new Error(`${label}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

async function measure(flavor: "cloud" | "datacenter", cards: number, moves: number): Promise<BenchResult[]> {
  const [app, sim] = await Promise.all([createTestApp(), startJiraSim({ flavor, seed: "demo" })]);
  try {
    const admin = await signUpUser(app, `bench-planning-${flavor}`);
    const { workspace } = await must("workspace", admin.client.post<{ workspace: { id: string } }>("/workspaces", { name: "Bench" }), 201);
    const jira = `/workspaces/${workspace.id}/integrations/jira`;
    const connection =
      flavor === "cloud"
        ? { kind: "cloud", baseUrl: sim.url, accountName: "ada@tether.example", secret: "sim-token-ada", projectKeys: ["TETH"] }
        : { kind: "datacenter_pat", baseUrl: sim.url, secret: "sim-pat-ada", projectKeys: ["TETH"] };
    await must("connection", admin.client.put(`${jira}/connection`, connection));
    await must("metadata", admin.client.post(`${jira}/metadata/refresh`));
    await must("features", admin.client.patch(`${jira}/features`, { toJira: true, planning: true }));
    const proposed = await must("mapping", admin.client.get<{ mapping: unknown }>(`${jira}/mapping`));
    await must("save mapping", admin.client.put(`${jira}/mapping`, proposed.mapping));
    const { epicKey, childKeys } = seedEpic(sim, flavor, cards, `Planning epic ${cards}`);
    const { useCase } = await must("use case", admin.client.post<{ useCase: { id: string } }>(`/workspaces/${workspace.id}/use-cases`, { title: "Bench PI" }), 201);
    await must("link", admin.client.post(`/workspaces/${workspace.id}/use-cases/${useCase.id}/jira/link`, { issueKey: epicKey }), 201);
    const teth = sim.control.store.projectByIdOrKey("TETH");
    const boardId = [...sim.control.store.boards.values()].find((candidate) => candidate.projectId === teth?.id)?.id ?? 0;
    const today = new Date();
    const date = (days: number) => new Date(today.getTime() + days * 86_400_000).toISOString().slice(0, 10);
    const pis = `/workspaces/${workspace.id}/planning/pis`;

    sim.control.clearRequestLog();
    let started = performance.now();
    const pi = await must("create PI", admin.client.post<ProgramIncrement>(pis, { name: "Bench PI", startsOn: date(-30), endsOn: date(90), useCaseIds: [useCase.id], teams: [{ boardId, capacity: 40 }] }), 201);
    const setupMs = performance.now() - started;
    const setupRequests = sim.control.requestLog().length;

    sim.control.clearRequestLog();
    const opens: number[] = [];
    let board: PlanningBoard | null = null;
    for (let i = 0; i < 5; i++) {
      started = performance.now();
      board = await must("board", admin.client.get<PlanningBoard>(`${pis}/${pi.id}/board`));
      opens.push(performance.now() - started);
    }
    const openRequests = sim.control.requestLog().length / 5;
    if (!board || board.cards.length !== cards) throw new Error(`board shows ${board?.cards.length ?? 0} cards, expected ${cards}`);

    // The assignee filter (ADR 0016): asked of Jira live, about one key-only search per 100 cards.
    const ada = encodeURIComponent(flavor === "cloud" ? sim.control.user("ada").accountId : "ada");
    sim.control.clearRequestLog();
    const filters: number[] = [];
    for (let i = 0; i < 5; i++) {
      started = performance.now();
      await must("assignee filter", admin.client.get(`${pis}/${pi.id}/assignee-filter?assignee=${ada}`));
      filters.push(performance.now() - started);
    }
    const filterRequests = sim.control.requestLog().length / 5;

    sim.control.clearRequestLog();
    started = performance.now();
    // Queued (202); no worker runs in this bench, so the job is run here, as the worker would.
    const job = await must("resync", admin.client.post<PlanningResyncJob>(`${pis}/${pi.id}/resync`), 202);
    await runPiResync(app.deps, job.id);
    const finished = await must("resync job", admin.client.get<PlanningResyncJob>(`${pis}/${pi.id}/resync/${job.id}`));
    if (finished.state !== "done") throw new Error(`re-sync ended ${finished.state}: ${finished.message ?? ""}`);
    const resyncMs = performance.now() - started;
    const resyncRequests = sim.control.requestLog().length;

    const [first, second] = board.sprints;
    if (!first || !second) throw new Error("the board has fewer than two sprints");
    const row = await findConnection(app.deps.db, workspace.id);
    if (!row) throw new Error("no connection");
    const client = jiraClientFor(app.deps, row);
    const raw: number[] = [];
    const viaTether: number[] = [];
    sim.control.clearRequestLog();
    for (let i = 0; i < moves; i++) {
      const key = childKeys[i % childKeys.length] ?? "";
      const target = i % 2 === 0 ? first : second;
      started = performance.now();
      await must("move", admin.client.post(`${pis}/${pi.id}/cards/${key}/move`, { sprintId: target.sprintId }));
      viaTether.push(performance.now() - started);
    }
    const tetherRequests = sim.control.requestLog().length;
    for (let i = 0; i < moves; i++) {
      const key = childKeys[i % childKeys.length] ?? "";
      started = performance.now();
      await client.moveIssuesToSprint((i % 2 === 0 ? second : first).sprintId, [key]);
      raw.push(performance.now() - started);
    }

    const label = (figure: string) => `${flavor}: ${figure}`;
    const rawMove = { figure: label("raw Agile API sprint move (median)"), value: median(raw) };
    return [
      { figure: label(`create PI + first sync of ${cards} cards`), value: setupMs, unit: "ms", baseline: null },
      { figure: label("Jira requests for create + first sync"), value: setupRequests, unit: "requests", baseline: null },
      { figure: label(`open the ${cards}-card board (median of 5)`), value: median(opens), unit: "ms", baseline: null },
      { figure: label("Jira requests per board open"), value: openRequests, unit: "requests", baseline: { figure: "goal", value: 0 } },
      { figure: label(`assignee filter on the ${cards}-card board (median of 5)`), value: median(filters), unit: "ms", baseline: null },
      { figure: label("Jira requests per assignee filter"), value: filterRequests, unit: "requests", baseline: { figure: "goal", value: Math.ceil(cards / 100) } },
      { figure: label(`re-sync of ${cards} cards`), value: resyncMs, unit: "ms", baseline: null },
      { figure: label("Jira requests per re-sync"), value: resyncRequests, unit: "requests", baseline: null },
      { figure: rawMove.figure, value: rawMove.value, unit: "ms", baseline: null },
      { figure: label(`card move through Tether (median of ${moves})`), value: median(viaTether), unit: "ms", baseline: rawMove },
      { figure: label("added latency per move"), value: median(viaTether) - rawMove.value, unit: "ms", baseline: null },
      { figure: label("Jira requests per move"), value: tetherRequests / moves, unit: "requests", baseline: { figure: "goal", value: 1 } },
    ];
  } finally {
    await Promise.all([app.close(), sim.stop()]);
  }
}

export async function runPlanningBench(options: BenchOptions = { quick: false }): Promise<BenchResult[]> {
  const stopDatabase = await setUpTestDatabase();
  try {
    if (options.quick) return await measure("cloud", 100, 20);
    return [...(await measure("cloud", 500, 100)), ...(await measure("datacenter", 500, 100))];
  } finally {
    await stopDatabase();
  }
}
