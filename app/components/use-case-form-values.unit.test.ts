import { describe, expect, test } from "vitest";
import { CreateUseCaseBody, type UseCaseFields, UpdateUseCaseBody } from "../../common/contracts/use-cases.ts";
import { createBody, emptyUseCaseForm, formValuesOf, updateBody, wsjfPreview } from "./use-case-form-values.ts";

const statusId = "00000000-0000-4000-8000-000000000001";
const otherStatusId = "00000000-0000-4000-8000-000000000002";
const personId = "00000000-0000-4000-8000-000000000003";

const useCase: UseCaseFields = {
  id: "00000000-0000-4000-8000-0000000000aa",
  key: "UC-7",
  number: 7,
  title: "Invoice matching",
  description: "Match **invoices**",
  status: { id: statusId, name: "Idea", category: "todo" },
  assignee: null,
  members: [],
  priority: "medium",
  tags: ["finance"],
  targetDate: "2027-01-15",
  businessValue: 8,
  timeCriticality: null,
  riskReduction: null,
  jobSize: 2,
  wsjf: 4,
  storyPoints: null,
  visibility: "public",
  customFields: {},
  version: 3,
  createdBy: { id: personId, displayName: "Ada" },
  createdAt: "2026-11-01T10:00:00.000Z",
  updatedAt: "2026-11-02T10:00:00.000Z",
};

describe("createBody", () => {
  test("leaves out empty fields so the server's defaults apply, and passes the contract", () => {
    const body = createBody({ ...emptyUseCaseForm(statusId), title: "  Churn model  ", jobSize: 3, tags: ["ml"] });
    expect(body).toEqual({ title: "Churn model", statusId, priority: "medium", tags: ["ml"], jobSize: 3, visibility: "public" });
    expect(CreateUseCaseBody.safeParse(body).success).toBe(true);
  });
});

describe("updateBody", () => {
  test("sends only what changed, with the version it was based on", () => {
    const values = { ...formValuesOf(useCase), title: "Invoice matching v2", statusId: otherStatusId, assigneeId: personId };
    const body = updateBody(useCase, values);
    expect(body).toEqual({ version: 3, title: "Invoice matching v2", statusId: otherStatusId, assigneeId: personId });
    expect(UpdateUseCaseBody.safeParse(body).success).toBe(true);
  });

  test("an emptied number field becomes null, not 0", () => {
    expect(updateBody(useCase, { ...formValuesOf(useCase), businessValue: "" })).toEqual({ version: 3, businessValue: null });
  });

  test("no changes means only the version", () => {
    expect(updateBody(useCase, formValuesOf(useCase))).toEqual({ version: 3 });
  });
});

describe("wsjfPreview", () => {
  test("is cost of delay over job size, rounded to 2 decimals, like the database column", () => {
    expect(wsjfPreview({ ...emptyUseCaseForm(null), businessValue: 8, timeCriticality: 5, riskReduction: 3, jobSize: 4 })).toBe(4);
    expect(wsjfPreview({ ...emptyUseCaseForm(null), businessValue: 10, jobSize: 3 })).toBe(3.33);
  });

  test("is empty without a job size", () => {
    expect(wsjfPreview({ ...emptyUseCaseForm(null), businessValue: 10 })).toBeNull();
  });
});
