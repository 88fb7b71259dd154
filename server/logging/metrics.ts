import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";

/** Prometheus metrics of one process: HTTP, queue and the process itself. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "tether_" });
  return {
    registry,
    httpRequests: new Counter({
      name: "tether_http_requests_total",
      help: "HTTP requests by method, route and status",
      labelNames: ["method", "route", "status"] as const,
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: "tether_http_request_duration_seconds",
      help: "HTTP request duration by method and route",
      labelNames: ["method", "route"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    jobsCompleted: new Counter({
      name: "tether_queue_jobs_total",
      help: "Queue jobs finished, by task and outcome",
      labelNames: ["task", "outcome"] as const,
      registers: [registry],
    }),
    jobDuration: new Histogram({
      name: "tether_queue_job_duration_seconds",
      help: "Queue job run time by task",
      labelNames: ["task"] as const,
      buckets: [0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30],
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
