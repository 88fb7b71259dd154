import { sql } from "kysely";
import { z } from "zod";
import type { Db } from "../server/db/pool.ts";

/**
 * The benchmark's workspace: an Admin signed up through the real API (cookie session and a
 * personal API token), and use cases inserted in bulk by SQL — through the API, 20,000 creates
 * would take minutes and measure nothing we want here.
 */
export type BenchWorkspace = {
  workspaceId: string;
  userId: string;
  apiToken: string;
  /** `tether_session=…`, for the session-versus-token comparison. */
  sessionCookie: string;
  csrfToken: string;
};

/** Domain words put in titles, each in 1 of 50 use cases: what `q=` searches for. */
export const SEARCH_WORD = "procurement";
const domains = [
  SEARCH_WORD, "invoicing", "onboarding", "payroll", "logistics", "forecasting", "pricing", "support", "claims", "compliance",
  "recruiting", "inventory", "billing", "marketing", "fraud", "churn", "routing", "scheduling", "maintenance", "quality",
  "contracts", "treasury", "audit", "sourcing", "shipping", "returns", "loyalty", "catalogue", "search", "reporting",
  "budgeting", "training", "safety", "energy", "fleet", "warranty", "leasing", "tax", "risk", "underwriting",
  "licensing", "ticketing", "dispatch", "sales", "service", "planning", "hiring", "benefits", "security", "facilities",
];
const adjectives = ["Automated", "Predictive", "Self-service", "Real-time", "Assisted", "Unified", "Smart"];
const nouns = ["triage", "assistant", "dashboard", "matching", "extraction", "alerts", "summaries", "scoring", "checks", "routing", "insights"];
const tagPool = ["ai", "automation", "customer", "internal", "quick-win", "regulatory", "cost", "revenue"];
const descriptionText =
  "## Problem\n\nTeams spend hours on manual steps that a model could prepare for them. " +
  "Today the work is done in spreadsheets and e-mail, which loses context and delays decisions.\n\n" +
  "## Idea\n\n- Collect the inputs in one place\n- Let a model draft the first version\n- A person reviews and approves\n\n" +
  "## Expected value\n\nFaster turnaround, fewer errors, and a clear record of who decided what. ";

const SessionBody = z.object({ user: z.object({ id: z.uuid() }), csrfToken: z.string().min(1) });
const WorkspaceBody = z.object({ workspace: z.object({ id: z.uuid() }) });
const TokenBody = z.object({ secret: z.string().min(1) });

async function callApi<T>(url: string, path: string, schema: z.ZodType<T>, init: { method: string; headers: Record<string, string>; body?: unknown }) {
  const response = await fetch(`${url}/api/v1${path}`, {
    method: init.method,
    headers: { "content-type": "application/json", ...init.headers },
    body: init.body === undefined ? null : JSON.stringify(init.body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  return { body: schema.parse(JSON.parse(text)), headers: response.headers };
}

export async function setUpBenchWorkspace(url: string): Promise<BenchWorkspace> {
  const signup = await callApi(url, "/auth/signup", SessionBody, {
    method: "POST",
    headers: {},
    body: { email: "bench-admin@example.test", password: "a long enough password", displayName: "Bench Admin" },
  });
  const sessionCookie = (signup.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  if (!sessionCookie.startsWith("tether_session=")) throw new Error("signup set no session cookie");
  const asBrowser = { cookie: sessionCookie, "x-csrf-token": signup.body.csrfToken };
  const workspace = await callApi(url, "/workspaces", WorkspaceBody, { method: "POST", headers: asBrowser, body: { name: "Benchmark portfolio" } });
  const token = await callApi(url, "/me/tokens", TokenBody, { method: "POST", headers: asBrowser, body: { name: "bench" } });
  return {
    workspaceId: workspace.body.workspace.id,
    userId: signup.body.user.id,
    apiToken: token.body.secret,
    sessionCookie,
    csrfToken: signup.body.csrfToken,
  };
}

/**
 * Adds `count` use cases after the workspace's last number, with varied statuses, priorities,
 * tags, scores (one in ten without job size, so no WSJF) and update times (the newest just now),
 * then refreshes the planner's statistics as autovacuum would on a live database.
 */
export async function seedUseCases(db: Db, workspace: BenchWorkspace, count: number): Promise<void> {
  const { next_use_case_number: from } = await db
    .selectFrom("workspaces")
    .select("next_use_case_number")
    .where("id", "=", workspace.workspaceId)
    .executeTakeFirstOrThrow();
  const to = from + count - 1;
  const statuses = await db.selectFrom("use_case_statuses").select("id").where("workspace_id", "=", workspace.workspaceId).orderBy("position").execute();
  const statusIds = statuses.map((s) => s.id);
  await db.transaction().execute(async (trx) => {
    await sql`
      INSERT INTO use_cases (workspace_id, number, title, description, status_id, priority, tags, target_date,
        business_value, time_criticality, risk_reduction, job_size, story_points, visibility, created_by, created_at, updated_at)
      SELECT ${workspace.workspaceId}::uuid, n,
        (${sql.val(adjectives)}::text[])[1 + n % ${adjectives.length}] || ' ' || (${sql.val(nouns)}::text[])[1 + n % ${nouns.length}]
          || ' for ' || (${sql.val(domains)}::text[])[1 + (n * 7) % ${domains.length}] || ' #' || n,
        ${descriptionText} || repeat('Detail ' || n || '. ', 1 + n % 20),
        (${sql.val(statusIds)}::uuid[])[1 + n % ${statusIds.length}],
        (array['lowest','low','medium','high','highest'])[1 + (n * 3) % 5],
        array[(${sql.val(tagPool)}::text[])[1 + n % ${tagPool.length}], (${sql.val(tagPool)}::text[])[1 + (n / 3) % ${tagPool.length}]],
        date '2026-01-01' + (n % 540),
        n % 101, (n * 37) % 101, (n * 53) % 101,
        CASE WHEN n % 10 = 0 THEN NULL ELSE 1 + (n * 11) % 40 END,
        (n % 21)::numeric,
        CASE WHEN n % 9 = 0 THEN 'assigned' ELSE 'public' END,
        ${workspace.userId}::uuid,
        now() - make_interval(mins => ${to} - n), now() - make_interval(mins => ${to} - n)
      FROM generate_series(${from}::int, ${to}::int) AS n
    `.execute(trx);
    // Tags must be unique and sorted (see common/contracts/use-cases.ts), as if written by the API.
    await sql`UPDATE use_cases SET tags = array(SELECT DISTINCT t FROM unnest(tags) t ORDER BY t)
      WHERE workspace_id = ${workspace.workspaceId}::uuid AND number BETWEEN ${from} AND ${to}`.execute(trx);
    await trx.updateTable("workspaces").set({ next_use_case_number: to + 1 }).where("id", "=", workspace.workspaceId).execute();
  });
  await sql`ANALYZE use_cases`.execute(db);
}

/** A sample of use-case ids, newest first, for single-use-case requests. */
export async function sampleUseCaseIds(db: Db, workspaceId: string, count: number): Promise<string[]> {
  const rows = await sql<{ id: string }>`SELECT id FROM use_cases WHERE workspace_id = ${workspaceId}::uuid ORDER BY random() LIMIT ${count}`.execute(db);
  return rows.rows.map((r) => r.id);
}
