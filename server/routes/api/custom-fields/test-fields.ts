import { expect } from "vitest";
import type { CustomField } from "../../../../common/contracts/custom-fields.ts";
import type { TestUser } from "../../../testing/client.ts";

export type FieldBody = { customField: CustomField };

export async function defineField(admin: TestUser, workspaceId: string, body: Record<string, unknown>): Promise<CustomField> {
  const response = await admin.client.post<FieldBody>(`/workspaces/${workspaceId}/custom-fields`, body);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.customField;
}
