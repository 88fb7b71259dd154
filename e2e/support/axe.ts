import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";

/** The axe-core violations a user would be blocked by (impact serious or critical), one line each, to say what to fix. */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => {
      const nodes = violation.nodes.slice(0, 5).map((node) => `${node.target.join(" ")} (${node.any[0]?.message ?? node.failureSummary ?? ""})`);
      return `${violation.id} (${violation.impact}): ${violation.help} — ${nodes.join("; ")}`;
    });
}
