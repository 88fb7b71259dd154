import { z } from "zod";
import { ApiTokenList, CreateApiTokenBody, CreateApiTokenResponse } from "../../../../common/contracts/auth.ts";
import { defineRoute } from "../../../http/route.ts";
import { errorResponses, json, noContent } from "../responses.ts";

export const listTokensRoute = defineRoute({
  method: "get",
  path: "/me/tokens",
  tags: ["tokens"],
  summary: "Your personal API tokens (never their secrets)",
  access: { kind: "user" },
  responses: { 200: json(ApiTokenList, "Active tokens"), 401: errorResponses[401] },
});

export const createTokenRoute = defineRoute({
  method: "post",
  path: "/me/tokens",
  tags: ["tokens"],
  summary: "Create a personal API token; the secret is shown only in this response",
  access: { kind: "user" },
  request: { body: { content: { "application/json": { schema: CreateApiTokenBody } }, required: true } },
  responses: { 201: json(CreateApiTokenResponse, "Token created"), 400: errorResponses[400], 401: errorResponses[401] },
});

export const revokeTokenRoute = defineRoute({
  method: "delete",
  path: "/me/tokens/{tokenId}",
  tags: ["tokens"],
  summary: "Revoke a token",
  access: { kind: "user" },
  request: { params: z.object({ tokenId: z.uuid() }) },
  responses: { ...noContent, 401: errorResponses[401], 404: errorResponses[404] },
});
