import { Pool } from "undici";

/**
 * The one load generator of the benchmarks: closed-loop (each connection sends its next request
 * only when the previous answer is in), fixed duration, keep-alive connections to one loopback
 * origin. Closed-loop means the figures are "how fast can N busy clients go", not an arrival
 * rate: latency here includes no client-side queueing.
 */

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
export type HttpRequest = { method: HttpMethod; path: string; headers?: Record<string, string>; body?: string };
export type HttpReply = { status: number; body: string };
export type Send = (request: HttpRequest) => Promise<HttpReply>;

/**
 * One measured operation of one connection (`connection` is 0…N-1, stable for the run, so an
 * operation can keep state per connection, e.g. the version it last read). Usually one request.
 * Return false (or throw) to count it as an error.
 */
export type Operation = (send: Send, connection: number) => Promise<boolean>;

export type LoadOptions = {
  /** Origin of the server under test; loopback only. */
  url: string;
  /** A fixed request (answered 2xx = success) or an operation. */
  work: HttpRequest | Operation;
  connections: number;
  durationMs: number;
  /** Unrecorded run first, to open connections and warm caches and the JIT. */
  warmupMs?: number;
  /** Hard cap on recorded operations, whatever the duration. */
  maxOperations?: number;
  /** Per request: a server that stops answering fails the request instead of hanging the run. */
  requestTimeoutMs?: number;
};

export type LoadResult = {
  operations: number;
  errors: number;
  /** The first error's description, to say why a run failed. */
  firstError: string | null;
  elapsedMs: number;
  perSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
};

const loopbackHosts = new Set(["127.0.0.1", "localhost", "[::1]"]);
const DEFAULT_MAX_OPERATIONS = 2_000_000;
const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

export class LoadSetupError extends Error {
  readonly code = "load_setup_invalid";
}

/** Runs `work` on `connections` keep-alive connections for `durationMs` and reports throughput and latency. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const origin = loopbackOrigin(options.url);
  if (!Number.isInteger(options.connections) || options.connections < 1) throw new LoadSetupError("connections must be a positive integer");
  const timeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const pool = new Pool(origin, {
    connections: options.connections,
    pipelining: 1,
    keepAliveTimeout: 60_000,
    headersTimeout: timeout,
    bodyTimeout: timeout,
  });
  const send = sender(pool);
  const operation = typeof options.work === "function" ? options.work : fixedRequest(options.work);
  try {
    if (options.warmupMs && options.warmupMs > 0) {
      await drive(send, operation, options.connections, options.warmupMs, DEFAULT_MAX_OPERATIONS);
    }
    return await drive(send, operation, options.connections, options.durationMs, options.maxOperations ?? DEFAULT_MAX_OPERATIONS);
  } finally {
    await pool.close();
  }
}

function loopbackOrigin(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw new LoadSetupError(`not a URL: ${url}`, { cause });
  }
  if (parsed.protocol !== "http:" || !loopbackHosts.has(parsed.hostname)) {
    throw new LoadSetupError(`benchmarks load loopback http only, not ${parsed.origin}`);
  }
  return parsed.origin;
}

function sender(pool: Pool): Send {
  return async (request) => {
    const response = await pool.request({
      method: request.method,
      path: request.path,
      headers: request.headers ?? {},
      body: request.body ?? null,
    });
    return { status: response.statusCode, body: await response.body.text() };
  };
}

export const isSuccess = (status: number) => status >= 200 && status < 300;

/** A fixed request, successful when answered 2xx. */
export function fixedRequest(request: HttpRequest): Operation {
  return async (send) => {
    const reply = await send(request);
    if (!isSuccess(reply.status)) throw new Error(`${request.method} ${request.path} answered ${reply.status}: ${reply.body.slice(0, 300)}`);
    return true;
  };
}

async function drive(send: Send, operation: Operation, connections: number, durationMs: number, maxOperations: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let started = 0;
  let errors = 0;
  let firstError: string | null = null;
  const fail = (description: string) => {
    errors += 1;
    firstError ??= description;
  };
  const begin = performance.now();
  const deadline = begin + durationMs;
  const loop = async (connection: number) => {
    while (performance.now() < deadline && started < maxOperations) {
      started += 1;
      const sent = performance.now();
      try {
        if (!(await operation(send, connection))) fail("operation reported failure");
      } catch (error) {
        fail(error instanceof Error ? error.message : String(error));
      }
      latencies.push(performance.now() - sent);
    }
  };
  await Promise.all(Array.from({ length: connections }, (_, connection) => loop(connection)));
  const elapsedMs = performance.now() - begin;
  return {
    operations: latencies.length,
    errors,
    firstError,
    elapsedMs,
    perSecond: (latencies.length / elapsedMs) * 1000,
    latencyMs: summarise(latencies),
  };
}

/** Nearest-rank percentiles. */
export function summarise(latencies: readonly number[]): LoadResult["latencyMs"] {
  if (latencies.length === 0) return { p50: Number.NaN, p95: Number.NaN, p99: Number.NaN, max: Number.NaN };
  const sorted = Float64Array.from(latencies).sort();
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1] ?? Number.NaN };
}
