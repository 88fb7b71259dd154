import { ErrorResponse } from "../../../../common/contracts/errors.ts";
import { MoveOnBoardBody } from "../../../../common/contracts/use-case-board.ts";
import { UseCaseResponse } from "../../../../common/contracts/use-cases.ts";
import { defineRoute } from "../../../http/route.ts";
import { errorResponses, json, jsonBody } from "../responses.ts";
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
  request: { params: UseCaseParams, body: jsonBody(MoveOnBoardBody, { statusId: "3f0c2a7e-8b1d-4e6a-9c5f-2d7b1e0a4c33", afterUseCaseId: "0b8f6c52-6f7e-4f57-9d8a-0d4a4d1f2c11", version: 4 }) },
  responses: {
    200: json(UseCaseResponse, "Moved"),
    ...errorResponses,
    409: json(ErrorResponse, "The use case changed since the board loaded it (code: version_conflict), or a neighbour left that column (code: conflict)"),
  },
});
