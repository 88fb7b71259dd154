import { describe, expect, it } from "vitest";
import { z } from "zod";
import { jiraEndpoint } from "./endpoint.ts";
import { JiraError } from "./errors.ts";
import { JiraHttp, type JiraHttpOptions } from "./http.ts";
import { InMemoryRateLimitStore } from "./rate-limit-store.ts";
import { JiraRateLimiter } from "./rate-limiter.ts";

type Call = { url: string; init: RequestInit };
type Reply = Response | Error | ((call: Call) => Promise<Response>);

const token = "super-secret-token";
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

function harness(replies: Reply[], options: Partial<JiraHttpOptions> = {}) {
  const calls: Call[] = [];
  const sleeps: number[] = [];
  let clock = 1_000_000;
  const fakeFetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const call = { url: String(input), init: init ?? {} };
    calls.push(call);
    const reply = replies.shift();
    if (!reply) throw new Error("no reply scripted");
    if (reply instanceof Error) throw reply;
    if (typeof reply === "function") return reply(call);
    return reply;
  }) as typeof fetch;
  const endpoint = jiraEndpoint(
    { flavor: "cloud", siteUrl: "https://acme.atlassian.net/", auth: { kind: "basic", email: "a@b.c", apiToken: token } },
    fakeFetch,
    1000,
  );
  const store = new InMemoryRateLimitStore(() => clock);
  const http = new JiraHttp({
    endpoint,
    limiter: new JiraRateLimiter(store, endpoint.siteKey, undefined, () => clock),
    fetch: fakeFetch,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
    now: () => clock,
    random: () => 0.5,
    ...options,
  });
  return { http, calls, sleeps };
}

const reset = () => Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }) });
const refused = () =>
  Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }) });
const me = z.object({ accountId: z.string() });

async function failure(promise: Promise<unknown>): Promise<JiraError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof JiraError) return error;
    throw error;
  }
  throw new Error("expected a JiraError");
}

describe("JiraHttp", () => {
  it("sends basic auth and JSON to the site, and parses the answer", async () => {
    const { http, calls } = harness([json(200, { accountId: "abc", extra: "ignored" })]);
    await expect(http.request({ method: "GET", path: "/rest/api/3/myself", schema: me })).resolves.toEqual({ accountId: "abc" });
    expect(calls[0]?.url).toBe("https://acme.atlassian.net/rest/api/3/myself");
    const headers = calls[0]?.init.headers as Record<string, string>;
    expect(headers.authorization).toBe(`Basic ${Buffer.from(`a@b.c:${token}`).toString("base64")}`);
  });

  it("retries an idempotent read on 5xx with jittered backoff", async () => {
    const { http, calls, sleeps } = harness([json(503, {}), json(502, {}), json(200, { accountId: "abc" })]);
    await http.request({ method: "GET", path: "/rest/api/3/myself", schema: me });
    expect(calls).toHaveLength(3);
    expect(sleeps).toEqual([125, 250]);
  });

  it("gives up after maxAttempts", async () => {
    const { http, calls } = harness([json(500, {}), json(500, {}), json(500, {})], { maxAttempts: 3 });
    const error = await failure(http.request({ method: "GET", path: "/rest/api/3/myself", schema: me }));
    expect(error.code).toBe("UNAVAILABLE");
    expect(error.status).toBe(500);
    expect(calls).toHaveLength(3);
  });

  it("never resends a create whose connection broke after sending; says it may have committed", async () => {
    const { http, calls } = harness([reset(), json(201, { id: "1", key: "A-1" })]);
    const error = await failure(http.request({ method: "POST", path: "/rest/api/3/issue", body: {}, schema: z.unknown() }));
    expect(calls).toHaveLength(1);
    expect(error).toMatchObject({ code: "UNAVAILABLE", mayHaveCommitted: true, status: null, method: "POST", path: "/rest/api/3/issue" });
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it("a refused connection cannot have committed anything", async () => {
    const { http } = harness([refused()]);
    const error = await failure(http.request({ method: "POST", path: "/rest/api/3/issue", body: {}, schema: z.unknown() }));
    expect(error).toMatchObject({ code: "UNAVAILABLE", mayHaveCommitted: false });
  });

  it("a 5xx to a create is not resent and may have committed", async () => {
    const { http, calls } = harness([json(504, {})]);
    const error = await failure(http.request({ method: "POST", path: "/rest/api/3/issue", body: {}, schema: z.unknown() }));
    expect(calls).toHaveLength(1);
    expect(error.mayHaveCommitted).toBe(true);
  });

  it("honours Retry-After on 429 through the shared limiter, then retries a read", async () => {
    const { http, calls, sleeps } = harness([
      json(429, {}, { "retry-after": "3", "ratelimit-reason": "jira-burst-based" }),
      json(200, { accountId: "abc" }),
    ]);
    await http.request({ method: "GET", path: "/rest/api/3/myself", schema: me });
    expect(calls).toHaveLength(2);
    // One wait, exactly Retry-After: the limiter's block for the site, not an extra backoff on top.
    expect(sleeps).toEqual([3000]);
  });

  it("backs off on 429 without Retry-After", async () => {
    const { http, calls, sleeps } = harness([json(429, {}), json(429, {}), json(200, { accountId: "abc" })]);
    await http.request({ method: "GET", path: "/rest/api/3/myself", schema: me });
    expect(calls).toHaveLength(3);
    // Full jitter with random() = 0.5 over the default policy: half of 250 ms, then half of 500 ms.
    expect(sleeps).toEqual([125, 250]);
  });

  it("a 429 to a create is reported (not resent) with its retry time, and did not commit", async () => {
    const { http, calls } = harness([json(429, {}, { "retry-after": "7" })]);
    const error = await failure(http.request({ method: "POST", path: "/rest/api/3/issue", body: {}, schema: z.unknown() }));
    expect(calls).toHaveLength(1);
    expect(error).toMatchObject({ code: "RATE_LIMITED", mayHaveCommitted: false });
    expect(error.retryAt?.getTime()).toBe(1_000_000 + 7000);
  });

  it("explains a 401 without leaking the token, and does not retry it", async () => {
    const { http, calls } = harness([json(401, { errorMessages: ["Client must be authenticated"] })]);
    const error = await failure(http.request({ method: "GET", path: "/rest/api/3/myself", schema: me }));
    expect(calls).toHaveLength(1);
    expect(error.code).toBe("UNAUTHORIZED");
    expect(error.message).toMatch(/expired/);
    expect(JSON.stringify(error.toJSON()) + error.message).not.toContain(token);
  });

  it("names the missing permission on 403", async () => {
    const { http } = harness([json(403, { errorMessages: ["nope"] })]);
    const error = await failure(
      http.request({ method: "PUT", path: "/rest/api/3/issue/A-1", body: {}, schema: z.unknown(), permission: "EDIT_ISSUES" }),
    );
    expect(error).toMatchObject({ code: "FORBIDDEN", missingPermission: "EDIT_ISSUES", errorMessages: ["nope"] });
    expect(error.message).toContain("EDIT_ISSUES");
  });

  it("keeps Jira's validation messages and field errors", async () => {
    const { http } = harness([json(400, { errorMessages: [], errors: { customfield_10011: "Epic Name is required." } })]);
    const error = await failure(http.request({ method: "POST", path: "/rest/api/2/issue", body: {}, schema: z.unknown() }));
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors).toEqual({ customfield_10011: "Epic Name is required." });
  });

  it("turns an unexpected shape into BAD_RESPONSE with the zod error as cause", async () => {
    const { http } = harness([json(200, { displayName: "no id" })]);
    const error = await failure(http.request({ method: "GET", path: "/rest/api/3/myself", schema: me }));
    expect(error.code).toBe("BAD_RESPONSE");
    expect(error.cause).toBeInstanceOf(z.ZodError);
  });

  it("turns HTML into BAD_RESPONSE", async () => {
    const { http } = harness([new Response("<html>login</html>", { status: 200 })]);
    expect((await failure(http.request({ method: "GET", path: "/rest/api/3/myself", schema: me }))).code).toBe("BAD_RESPONSE");
  });

  it("times out a request that gets no answer", async () => {
    const hang = (call: Call) =>
      new Promise<Response>((_, reject) => call.init.signal?.addEventListener("abort", () => reject(call.init.signal?.reason)));
    const { http } = harness([hang], { timeoutMs: 30, maxAttempts: 1 });
    const error = await failure(http.request({ method: "GET", path: "/rest/api/3/myself", schema: me }));
    expect(error.code).toBe("UNAVAILABLE");
    expect(error.message).toContain("30 ms");
  });
});

describe("scoped tokens", () => {
  it("discovers the cloudId and goes through the gateway", async () => {
    const urls: string[] = [];
    const fakeFetch = (async (input: string | URL | Request) => {
      urls.push(String(input));
      return String(input).endsWith("/_edge/tenant_info") ? json(200, { cloudId: "c-123" }) : json(200, { accountId: "x" });
    }) as typeof fetch;
    const endpoint = jiraEndpoint(
      { flavor: "cloud", siteUrl: "https://acme.atlassian.net", auth: { kind: "scoped-token", email: "a@b.c", apiToken: "t" }, gatewayUrl: "http://gw.test" },
      fakeFetch,
      1000,
    );
    expect(await endpoint.apiRoot()).toBe("http://gw.test/ex/jira/c-123");
    expect(await endpoint.apiRoot()).toBe("http://gw.test/ex/jira/c-123");
    expect(urls).toEqual(["https://acme.atlassian.net/_edge/tenant_info"]);
  });
});
