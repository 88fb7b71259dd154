import { useLayoutEffect, useState, type RefObject } from "react";
import type { PlanningDependency } from "../../../common/contracts/planning.ts";

type Line = { id: string; x1: number; y1: number; x2: number; y2: number; backwards: boolean };

/** Lines from each blocker to the card waiting for it, measured from the rendered cards; red when backwards in time. */
export function DependencyLines({ container, dependencies, keyOf, redrawKey }: { container: RefObject<HTMLDivElement | null>; dependencies: readonly PlanningDependency[]; keyOf: ReadonlyMap<string, string>; redrawKey: unknown }) {
  const [lines, setLines] = useState<Line[]>([]);
  useLayoutEffect(() => {
    const root = container.current;
    if (!root) return;
    const origin = root.getBoundingClientRect();
    const centre = (issueId: string) => {
      const key = keyOf.get(issueId);
      const element = key ? root.querySelector<HTMLElement>(`[data-card-key="${key}"]`) : null;
      if (!element) return null;
      const box = element.getBoundingClientRect();
      return { x: box.left - origin.left + box.width / 2 + root.scrollLeft, y: box.top - origin.top + box.height / 2 + root.scrollTop };
    };
    const next: Line[] = [];
    for (const dependency of dependencies) {
      const from = centre(dependency.fromIssueId);
      const to = centre(dependency.toIssueId);
      if (from && to) next.push({ id: dependency.linkId, x1: from.x, y1: from.y, x2: to.x, y2: to.y, backwards: dependency.backwards });
    }
    setLines(next);
  }, [container, dependencies, keyOf, redrawKey]);
  return (
    <svg data-testid="dependency-lines" style={{ position: "absolute", inset: 0, width: "100%", height: "100%", pointerEvents: "none", overflow: "visible" }}>
      {lines.map((line) => (
        <line key={line.id} data-testid="dependency-line" data-backwards={line.backwards} x1={line.x1} y1={line.y1} x2={line.x2} y2={line.y2} stroke={line.backwards ? "#fa5252" : "#868e96"} strokeWidth={2} strokeDasharray={line.backwards ? "4 3" : undefined} />
      ))}
    </svg>
  );
}
