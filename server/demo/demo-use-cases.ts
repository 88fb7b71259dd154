import type { Priority } from "../../common/contracts/use-cases.ts";

/** How a demo use case meets Jira: linked to one of the simulator's seeded Epics (by summary), a new Epic, or not at all. */
export type DemoEpic = { existing: string } | "create" | null;

export type DemoUseCase = {
  title: string;
  description: string;
  status: "Idea" | "Evaluating" | "Approved" | "In delivery" | "Done" | "Rejected";
  priority: Priority;
  tags: string[];
  /** Business value, time criticality, risk reduction, job size (WSJF inputs). */
  scores: [number, number, number, number];
  /** Days from the first demo start; null: no target date. */
  targetInDays: number | null;
  assignedToAdmin: boolean;
  epic: DemoEpic;
};

/** One demo use case per row; `"seeded"` links it to the simulator's seeded Epic of the same summary. */
type Row = [
  title: string,
  status: DemoUseCase["status"],
  priority: Priority,
  tags: string[],
  scores: DemoUseCase["scores"],
  targetInDays: number | null,
  assignedToAdmin: boolean,
  epic: "seeded" | "create" | null,
  description: string,
];

const rows: readonly Row[] = [
  ["Customer onboarding revamp", "In delivery", "high", ["onboarding", "customer-facing"], [8, 8, 5, 5], 30, true, "seeded",
    "New customers drop out in the first week. Replace the setup wizard with a **guided checklist** that remembers progress.\n\n- measure each step\n- keep legacy accounts working"],
  ["Usage analytics pipeline", "In delivery", "medium", ["analytics", "data"], [7, 5, 3, 8], 60, true, "seeded",
    "Product decisions are made on anecdotes. Collect usage events into one pipeline and publish a weekly dashboard."],
  ["Mobile offline mode", "Approved", "medium", ["mobile"], [6, 3, 4, 8], 90, false, "seeded",
    "Field teams lose work without a network. Queue edits on the device and sync them when back online."],
  ["Security hardening", "Approved", "highest", ["security", "compliance"], [5, 9, 9, 3], 21, true, "seeded",
    "Close the findings of the last penetration test before the customer audit.\n\n1. rotate secrets\n2. tighten access rules\n3. add audit logging"],
  ["Self-service invoice download", "Approved", "high", ["billing", "customer-facing"], [6, 5, 2, 2], 45, true, "create",
    "Finance answers forty invoice requests a week. Let account owners download every invoice as PDF from the billing page."],
  ["Single sign-on with SAML", "In delivery", "high", ["enterprise", "security"], [9, 6, 5, 8], 75, true, "create",
    "Enterprise prospects require SSO. Support SAML 2.0 identity providers, with just-in-time account creation."],
  ["AI summary of support tickets", "Evaluating", "medium", ["ai", "support"], [5, 3, 2, 5], null, false, null,
    "Agents read long ticket threads before answering. Try a generated summary at the top of each ticket."],
  ["Churn early-warning score", "Evaluating", "high", ["analytics", "retention"], [8, 5, 6, 5], null, true, null,
    "Flag accounts whose usage drops, so customer success can call before the renewal."],
  ["Partner API for resellers", "Idea", "medium", ["api", "partners"], [6, 2, 2, 13], null, false, null,
    "Resellers re-type orders by hand. Offer an authenticated API to create and track orders."],
  ["Dark mode", "Idea", "low", ["ui"], [2, 1, 1, 3], null, false, null,
    "A frequent request from power users working late."],
  ["Data residency in the EU", "Done", "highest", ["compliance", "enterprise"], [9, 8, 8, 13], -10, true, null,
    "Keep customer data of EU workspaces in an EU region, as two public-sector tenders require."],
  ["Printable weekly report", "Rejected", "lowest", ["reporting"], [1, 1, 1, 2], null, false, null,
    "Replaced by the analytics dashboard; kept for the record."],
];

/**
 * The dozen use cases of the demo workspace. The first four carry the titles of the simulator's
 * seeded Epics (which have child issues), so linking them shows a live issue listing at once.
 */
export const demoUseCases: readonly DemoUseCase[] = rows.map(([title, status, priority, tags, scores, targetInDays, assignedToAdmin, epic, description]) => ({
  title,
  description,
  status,
  priority,
  tags,
  scores,
  targetInDays,
  assignedToAdmin,
  epic: epic === "seeded" ? { existing: title } : epic,
}));
