import { ErrorResponse } from "../../../../common/contracts/errors.ts";
import { MoveOnBoardBody } from "../../../../common/contracts/use-case-board.ts";
import { UseCaseResponse } from "../../../../common/contracts/use-cases.ts";
import { defineRoute } from "../../../http/route.ts";
import { errorResponses, json } from "../responses.ts";
import { UseCaseParams, useCasePath, uuidPathOr404 } from "../use-cases/params.ts";

export const moveOnBoardRoute = defineRoute({
  method: "put",
  path: `${useCasePath}/board-position`,
  operationId: "moveUseCaseOnBoard",
  tags: ["use cases"],
  summary: "Move a card on the board: to a status column, between two cards",
  description:
    "Who may: whoever may edit the use case (Admin, Moderator, its assigned Member). A new status is saved like any edit " +
    "(history, version, Jira push) and needs the `version` the board showed; in the column the card goes right after " +
    "`afterUseCaseId`, else right before `beforeUseCaseId`, else to the end. Concurrent moves in a workspace are serialised.",
  access: { kind: "workspace", action: "workspace.read" },
  middleware: [uuidPathOr404("useCaseId")],
  request: { params: UseCaseParams, body: { content: { "application/json": { schema: MoveOnBoardBody } }, required: true } },
  responses: {
    200: json(UseCaseResponse, "Moved"),
    ...errorResponses,
    409: json(ErrorResponse, "The use case changed since the board loaded it (code: version_conflict), or a neighbour left that column (code: conflict)"),
  },
});
