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

/**
 * The dozen use cases of the demo workspace. The first four carry the titles of the simulator's
 * seeded Epics (which have child issues), so linking them shows a live issue listing at once.
 */
export const demoUseCases: readonly DemoUseCase[] = [
  {
    title: "Customer onboarding revamp",
    description: "New customers drop out in the first week. Replace the setup wizard with a **guided checklist** that remembers progress.\n\n- measure each step\n- keep legacy accounts working",
    status: "In delivery",
    priority: "high",
    tags: ["onboarding", "customer-facing"],
    scores: [8, 8, 5, 5],
    targetInDays: 30,
    assignedToAdmin: true,
    epic: { existing: "Customer onboarding revamp" },
  },
  {
    title: "Usage analytics pipeline",
    description: "Product decisions are made on anecdotes. Collect usage events into one pipeline and publish a weekly dashboard.",
    status: "In delivery",
    priority: "medium",
    tags: ["analytics", "data"],
    scores: [7, 5, 3, 8],
    targetInDays: 60,
    assignedToAdmin: true,
    epic: { existing: "Usage analytics pipeline" },
  },
  {
    title: "Mobile offline mode",
    description: "Field teams lose work without a network. Queue edits on the device and sync them when back online.",
    status: "Approved",
    priority: "medium",
    tags: ["mobile"],
    scores: [6, 3, 4, 8],
    targetInDays: 90,
    assignedToAdmin: false,
    epic: { existing: "Mobile offline mode" },
  },
  {
    title: "Security hardening",
    description: "Close the findings of the last penetration test before the customer audit.\n\n1. rotate secrets\n2. tighten access rules\n3. add audit logging",
    status: "Approved",
    priority: "highest",
    tags: ["security", "compliance"],
    scores: [5, 9, 9, 3],
    targetInDays: 21,
    assignedToAdmin: true,
    epic: { existing: "Security hardening" },
  },
  {
    title: "Self-service invoice download",
    description: "Finance answers forty invoice requests a week. Let account owners download every invoice as PDF from the billing page.",
    status: "Approved",
    priority: "high",
    tags: ["billing", "customer-facing"],
    scores: [6, 5, 2, 2],
    targetInDays: 45,
    assignedToAdmin: true,
    epic: "create",
  },
  {
    title: "Single sign-on with SAML",
    description: "Enterprise prospects require SSO. Support SAML 2.0 identity providers, with just-in-time account creation.",
    status: "In delivery",
    priority: "high",
    tags: ["enterprise", "security"],
    scores: [9, 6, 5, 8],
    targetInDays: 75,
    assignedToAdmin: true,
    epic: "create",
  },
  {
    title: "AI summary of support tickets",
    description: "Agents read long ticket threads before answering. Try a generated summary at the top of each ticket.",
    status: "Evaluating",
    priority: "medium",
    tags: ["ai", "support"],
    scores: [5, 3, 2, 5],
    targetInDays: null,
    assignedToAdmin: false,
    epic: null,
  },
  {
    title: "Churn early-warning score",
    description: "Flag accounts whose usage drops, so customer success can call before the renewal.",
    status: "Evaluating",
    priority: "high",
    tags: ["analytics", "retention"],
    scores: [8, 5, 6, 5],
    targetInDays: null,
    assignedToAdmin: true,
    epic: null,
  },
  {
    title: "Partner API for resellers",
    description: "Resellers re-type orders by hand. Offer an authenticated API to create and track orders.",
    status: "Idea",
    priority: "medium",
    tags: ["api", "partners"],
    scores: [6, 2, 2, 13],
    targetInDays: null,
    assignedToAdmin: false,
    epic: null,
  },
  {
    title: "Dark mode",
    description: "A frequent request from power users working late.",
    status: "Idea",
    priority: "low",
    tags: ["ui"],
    scores: [2, 1, 1, 3],
    targetInDays: null,
    assignedToAdmin: false,
    epic: null,
  },
  {
    title: "Data residency in the EU",
    description: "Keep customer data of EU workspaces in an EU region, as two public-sector tenders require.",
    status: "Done",
    priority: "highest",
    tags: ["compliance", "enterprise"],
    scores: [9, 8, 8, 13],
    targetInDays: -10,
    assignedToAdmin: true,
    epic: null,
  },
  {
    title: "Printable weekly report",
    description: "Replaced by the analytics dashboard; kept for the record.",
    status: "Rejected",
    priority: "lowest",
    tags: ["reporting"],
    scores: [1, 1, 1, 2],
    targetInDays: null,
    assignedToAdmin: false,
    epic: null,
  },
];
