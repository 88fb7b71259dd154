import { Button, CopyButton, Group, TextInput } from "@mantine/core";

/** A secret or link shown once, with a copy button. */
export function CopyField({ value, label, testId }: { value: string; label: string; testId: string }) {
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <TextInput label={label} value={value} readOnly style={{ flex: 1 }} styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }} data-testid={testId} onFocus={(e) => e.currentTarget.select()} />
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button color={copied ? "teal" : "indigo"} onClick={copy} w={100}>
            {copied ? "Copied" : "Copy"}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}
