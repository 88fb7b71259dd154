import { Button } from "@mantine/core";
import { ConfirmButton } from "./ConfirmButton.tsx";

type Props = {
  /** Text on the small button in the table row, e.g. "Revoke". */
  label: string;
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
};

/** The destructive action at the end of a table row (revoke, remove): a small red button behind a confirmation dialog. */
export function ConfirmRowAction({ label, title, message, confirmLabel, onConfirm }: Props) {
  return (
    <ConfirmButton title={title} message={message} confirmLabel={confirmLabel} onConfirm={onConfirm}>
      {(open) => (
        <Button size="xs" variant="subtle" color="red" onClick={open}>
          {label}
        </Button>
      )}
    </ConfirmButton>
  );
}
