import { z } from "zod";

/**
 * Move a card on the board: to a status column, right after `afterUseCaseId` (the card above it);
 * without one, right before `beforeUseCaseId` (the top); with neither, at the end of the column. `version` is the version the board showed; it
 * must still be current when the status changes (a reorder within a column does not change the
 * use case, so it is not checked then).
 */
export const MoveOnBoardBody = z
  .strictObject({
    statusId: z.uuid(),
    afterUseCaseId: z.uuid().nullish().meta({ description: "The card just above the new place, if any" }),
    beforeUseCaseId: z.uuid().nullish().meta({ description: "The card just below the new place; used when no card is above" }),
    version: z.int().min(1),
  })
  .meta({ id: "MoveOnBoardBody" });
export type MoveOnBoardBody = z.input<typeof MoveOnBoardBody>;
