import { Button, Tooltip } from "@mantine/core";
import { ConfirmButton } from "./ConfirmButton.tsx";

type Props = {
  /** Text on the small button in the table row, e.g. "Revoke". */
  label: string;
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
  /** Why the action is not possible (the button is then disabled and says so). */
  disabledReason?: string | undefined;
};

/** The destructive action at the end of a table row (revoke, remove): a small red button behind a confirmation dialog. */
export function ConfirmRowAction({ label, title, message, confirmLabel, onConfirm, disabledReason }: Props) {
  return (
    <ConfirmButton title={title} message={message} confirmLabel={confirmLabel} onConfirm={onConfirm}>
      {(open) =>
        disabledReason ? (
          // A disabled button gets no pointer events: the tooltip sits on a wrapper, and the reason is also its accessible description.
          <Tooltip label={disabledReason} multiline w={220}>
            <span>
              <Button size="xs" variant="subtle" color="red" disabled aria-description={disabledReason} data-testid="row-action-disabled">
                {label}
              </Button>
            </span>
          </Tooltip>
        ) : (
          <Button size="xs" variant="subtle" color="red" onClick={open}>
            {label}
          </Button>
        )
      }
    </ConfirmButton>
  );
}
