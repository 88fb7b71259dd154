import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { type ReactNode, useState } from "react";
import { ErrorAlert } from "./ErrorAlert.tsx";

type Props = {
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
  /** Title of the failure shown in the dialog; by default "Could not <confirm label>", e.g. "Could not remove member". */
  errorTitle?: string;
  children: (open: () => void) => ReactNode;
};

/** A destructive action behind a confirmation dialog; the dialog stays open to show a failure. */
export function ConfirmButton({ title, message, confirmLabel, onConfirm, errorTitle, children }: Props) {
  const [opened, { open, close }] = useDisclosure(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const confirm = async () => {
    setPending(true);
    setError(null);
    try {
      await onConfirm();
      close();
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  };
  return (
    <>
      {children(open)}
      <Modal opened={opened} onClose={close} title={title} centered>
        <Stack>
          <Text size="sm">{message}</Text>
          <ErrorAlert error={error} title={errorTitle ?? `Could not ${confirmLabel.charAt(0).toLowerCase()}${confirmLabel.slice(1)}`} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button color="red" loading={pending} onClick={confirm} data-testid="confirm-action">
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
