import { describe, expect, it } from "vitest";
import { summarise } from "./load.ts";
import { formatTable, ratioOf } from "./report.ts";

describe("summarise", () => {
  it("takes nearest-rank percentiles", () => {
    const latencies = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(summarise(latencies)).toEqual({ p50: 50, p95: 95, p99: 99, max: 100 });
  });

  it("reports NaN for no samples rather than zero", () => {
    expect(summarise([]).p95).toBeNaN();
  });
});

describe("report", () => {
  it("prints value, baseline and ratio per figure", () => {
    const result = { figure: "GET list", value: 200, unit: "req/s", baseline: { figure: "healthz", value: 8000 }, errors: 0 };
    expect(ratioOf(result)).toBe(0.025);
    const table = formatTable("api", [result, { ...result, figure: "healthz", value: 8000, baseline: null }]);
    expect(table).toContain("| GET list | 200   | req/s | healthz = 8000 | 0.03× | 0      |");
    expect(table).toMatch(/\| healthz +\| 8000 +\| req\/s \| — +\| — +\|/);
  });
});
