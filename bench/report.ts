import { z } from "zod";

/**
 * One measured figure of a scenario, with the baseline it is compared against. Figures are read
 * as ratios to a baseline measured in the same run: absolute numbers drift with the machine.
 */
export const BenchResult = z.object({
  figure: z.string().min(1),
  value: z.number(),
  unit: z.string().min(1),
  /** What this figure is compared to; null for a baseline itself or a figure with nothing to compare. */
  baseline: z.object({ figure: z.string().min(1), value: z.number() }).nullable(),
  /** Failed operations while measuring; a figure with errors measured something else. */
  errors: z.number().int().min(0).default(0),
});
export type BenchResult = z.input<typeof BenchResult>;
export type CheckedBenchResult = z.output<typeof BenchResult>;

export type BenchOptions = { quick: boolean };

export const ratioOf = (result: CheckedBenchResult): number | null =>
  result.baseline && result.baseline.value !== 0 ? result.value / result.baseline.value : null;

const formatNumber = (value: number) => {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
};

/** A plain-text table, also valid Markdown, so a run can be pasted into BENCHMARKS.md. */
export function formatTable(scenario: string, results: readonly CheckedBenchResult[]): string {
  const header = ["figure", "value", "unit", "baseline", "ratio", "errors"];
  const rows = results.map((r) => {
    const ratio = ratioOf(r);
    return [
      r.figure,
      formatNumber(r.value),
      r.unit,
      r.baseline ? `${r.baseline.figure} = ${formatNumber(r.baseline.value)}` : "—",
      ratio === null ? "—" : `${ratio.toFixed(2)}×`,
      String(r.errors),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  return [`## ${scenario}`, "", line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}
