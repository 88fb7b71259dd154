import { Text } from "@mantine/core";
import type { CustomField } from "../../../common/contracts/custom-fields.ts";
import type { UseCase } from "../../../common/contracts/use-cases.ts";
import { customFieldText } from "./CustomFieldInput.tsx";

export type MemberName = (id: string) => string;

/** A use case's value of a chosen field as short text ("–" when empty). */
export function CustomFieldValue({ field, useCase, memberName }: { field: CustomField; useCase: UseCase; memberName: MemberName }) {
  const text = customFieldText(field, useCase.customFields[field.key], memberName);
  return (
    <Text size="sm" c={text ? "inherit" : "dimmed"} lineClamp={2} data-testid={`cf-value-${field.key}`}>
      {text ?? "–"}
    </Text>
  );
}

/** The chosen fields as "Name: value" lines, for cards (phone list and board). */
export function CustomFieldLines({ fields, useCase, memberName }: { fields: readonly CustomField[]; useCase: UseCase; memberName: MemberName }) {
  return fields.map((field) => {
    const text = customFieldText(field, useCase.customFields[field.key], memberName);
    return text ? (
      <Text key={field.id} size="xs" c="dimmed" mt={2} lineClamp={1} data-testid={`cf-value-${field.key}`}>
        {field.name}: {text}
      </Text>
    ) : null;
  });
}
