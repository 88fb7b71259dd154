import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { insertMembership } from "../models/workspaces.ts";
import { createTestApp, type TestApp } from "../testing/app.ts";
import { signUpUser, type TestUser } from "../testing/client.ts";
import { nastyBodies, nastyStrings, nastyValues, mutateString, random } from "../testing/fuzz/mutations.ts";
import { pathsOf, sampleOf, toJsonSchema, withValueAt } from "../testing/fuzz/samples.ts";
import { routeTable, type RouteDefinition } from "./route.ts";

type FuzzRequest = { method: string; url: string; body?: string; what: string };

const PASSWORD = "a long enough password";
const RANDOM_MUTATIONS_PER_ROUTE = 30;
const CONCURRENCY = 6;

const encode = (text: string) => {
  try {
    return encodeURIComponent(text);
  } catch {
    return "%ED%A0%80"; // a lone surrogate cannot be URI-encoded; send the bytes of one
  }
};

/**
 * Every API route, thousands of mutated inputs (bodies, query strings, path parameters), and not
 * one 5xx: a value the schemas let through must still never reach the database as a failure.
 */
describe("fuzzing every route", () => {
  let app: TestApp;
  let admin: TestUser;
  const params: Record<string, string> = {};
  const overrides: Record<string, unknown> = {};
  beforeAll(async () => {
    app = await createTestApp();
    const [first, other] = await Promise.all([signUpUser(app, "fuzz-admin"), signUpUser(app, "fuzz-other")]);
    admin = first;
    const workspaceId = (await admin.client.post<{ workspace: { id: string } }>("/workspaces", { name: "Fuzz" })).body.workspace.id;
    await insertMembership(app.deps.db, workspaceId, other.id, "member");
    const statuses = (await admin.client.get<{ statuses: { id: string }[] }>(`/workspaces/${workspaceId}/statuses`)).body.statuses;
    const useCaseId = (await admin.client.post<{ useCase: { id: string } }>(`/workspaces/${workspaceId}/use-cases`, { title: "Fuzzed" })).body.useCase.id;
    const comment = await admin.client.post<{ comment: { id: string } }>(`/workspaces/${workspaceId}/use-cases/${useCaseId}/comments`, { body: "hi" });
    const token = await admin.client.post<{ token: { id: string } }>("/me/tokens", { name: "fuzz" });
    const invitation = await admin.client.post<{ invitation: { id: string }; url: string }>(`/workspaces/${workspaceId}/invitations`, { role: "member" });
    Object.assign(params, {
      workspaceId,
      useCaseId,
      commentId: comment.body.comment.id,
      userId: other.id,
      tokenId: token.body.token.id,
      invitationId: invitation.body.invitation.id,
      token: invitation.body.url.split("/").pop() ?? "",
    });
    Object.assign(overrides, {
      id: statuses[0]?.id,
      statusId: statuses[0]?.id,
      assigneeId: admin.id,
      memberIds: [admin.id],
      userId: other.id,
      email: admin.email,
      password: PASSWORD,
      currentPassword: PASSWORD,
      // Nothing listens there: Jira calls fail fast instead of leaving the machine.
      baseUrl: "http://127.0.0.1:9",
      projectKeys: ["TETH"],
    });
  });
  afterAll(async () => app?.close());

  function requestsFor(route: RouteDefinition, seed: number): FuzzRequest[] {
    const method = route.method.toUpperCase();
    const pathOf = (values: Record<string, string>) => route.path.replaceAll(/\{(\w+)\}/g, (_, name: string) => encode(values[name] ?? ""));
    const media = route.request?.body?.content["application/json"];
    const bodySchema = media && "schema" in media ? (media.schema as z.ZodType) : undefined;
    const querySchema = route.request?.query as z.ZodType | undefined;
    const body = bodySchema ? sampleOf(toJsonSchema(bodySchema), overrides) : undefined;
    const query = querySchema ? (sampleOf(toJsonSchema(querySchema), overrides) as Record<string, unknown>) : {};
    const queryString = (values: Record<string, unknown>) => {
      const pairs = Object.entries(values).map(([key, value]) => `${key}=${encode(String(value))}`);
      return pairs.length > 0 ? `?${pairs.join("&")}` : "";
    };
    const make = (what: string, p = params, q = query, b: unknown = body): FuzzRequest => ({
      method,
      url: `${pathOf(p)}${queryString(q)}`,
      ...(b === undefined ? {} : { body: typeof b === "string" && what.startsWith("raw body") ? b : JSON.stringify(b) }),
      what,
    });
    const requests: FuzzRequest[] = [make("sample")];
    for (const path of body === undefined ? [] : [[], ...pathsOf(body)]) {
      for (const value of nastyValues) requests.push(make(`body ${path.join(".")} = ${JSON.stringify(value).slice(0, 40)}`, params, query, withValueAt(body, path, value)));
    }
    if (bodySchema) for (const raw of nastyBodies) requests.push(make(`raw body ${raw.slice(0, 20)}`, params, query, raw));
    for (const key of Object.keys(query)) {
      for (const value of nastyStrings) requests.push(make(`query ${key} = ${JSON.stringify(value).slice(0, 40)}`, params, { ...query, [key]: value }));
    }
    for (const name of route.path.match(/\{(\w+)\}/g)?.map((p) => p.slice(1, -1)) ?? []) {
      for (const value of nastyStrings) requests.push(make(`param ${name} = ${JSON.stringify(value).slice(0, 40)}`, { ...params, [name]: value }));
    }
    const next = random(seed);
    const strings = [...(body === undefined ? [] : pathsOf(body)), ...Object.keys(query).map((key) => ["?", key])];
    for (let i = 0; i < RANDOM_MUTATIONS_PER_ROUTE && strings.length > 0; i++) {
      const path = strings[Math.floor(next() * strings.length)] ?? [];
      if (path[0] === "?") {
        const key = String(path[1]);
        const mutated = mutateString(String(query[key] ?? ""), next);
        requests.push(make(`random query ${key} = ${JSON.stringify(mutated).slice(0, 40)}`, params, { ...query, [key]: mutated }));
      } else {
        const current = path.reduce<unknown>((value, key) => (value as Record<string | number, unknown>)[key], body);
        const mutated = typeof current === "string" ? mutateString(current, next) : nastyValues[Math.floor(next() * nastyValues.length)];
        requests.push(make(`random body ${path.join(".")} = ${JSON.stringify(mutated).slice(0, 40)}`, params, query, withValueAt(body, path, mutated)));
      }
    }
    return requests;
  }

  async function send(requests: FuzzRequest[]): Promise<string[]> {
    const failures: string[] = [];
    let index = 0;
    const lane = async () => {
      while (index < requests.length) {
        const request = requests[index++];
        if (!request) break;
        const result = await admin.client.call(request.method, request.url, request.body);
        // 502 jira_failed is the truth about the Jira at 127.0.0.1:9 (nothing listens), not a server fault.
        const upstream = result.status === 502 && JSON.stringify(result.body).includes('"jira_failed"');
        if (result.status >= 500 && !upstream) failures.push(`${request.method} ${request.url.slice(0, 80)} [${request.what}] → ${result.status} ${JSON.stringify(result.body).slice(0, 120)}`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, lane));
    return failures;
  }

  it("answers thousands of mutated requests without a single 5xx", { timeout: 300_000 }, async () => {
    const started = performance.now();
    // Deletions and logging out last, so the rest runs against a workspace that still exists.
    const phase = (route: RouteDefinition) => (route.path === "/auth/logout" ? 2 : route.method === "delete" ? 1 : 0);
    const routes = [...routeTable].sort((a, b) => phase(a) - phase(b));
    const failures: string[] = [];
    let total = 0;
    for (const [index, route] of routes.entries()) {
      const requests = requestsFor(route, index + 1);
      total += requests.length;
      failures.push(...(await send(requests)));
    }
    console.info(`fuzz: ${total} requests over ${routes.length} routes in ${Math.round(performance.now() - started)} ms`);
    expect(routes.length).toBeGreaterThan(40);
    expect(total).toBeGreaterThan(3000);
    expect(failures.slice(0, 20)).toEqual([]);
  });
});
