import { z } from "zod";
import { ApiTokenList, CreateApiTokenBody, CreateApiTokenResponse } from "../../../../common/contracts/auth.ts";
import { defineRoute } from "../../../http/route.ts";
import { errorResponses, json, jsonBody, noContent } from "../responses.ts";

export const listTokensRoute = defineRoute({
  operationId: "listApiTokens",
  description:
    "Lists your own personal API tokens: name, last four characters, when created and last used; never the secret. Any signed-in caller.",
  method: "get",
  path: "/me/tokens",
  tags: ["tokens"],
  summary: "Your personal API tokens (never their secrets)",
  access: { kind: "user" },
  responses: { 200: json(ApiTokenList, "Active tokens"), 401: errorResponses[401] },
});

export const createTokenRoute = defineRoute({
  operationId: "createApiToken",
  description:
    "Creates a personal API token that acts as you, with your role in each workspace; send it as `Authorization: Bearer <secret>`. " +
    "The secret is in this response only. Any signed-in caller, for themselves.",
  method: "post",
  path: "/me/tokens",
  tags: ["tokens"],
  summary: "Create a personal API token; the secret is shown only in this response",
  access: { kind: "user" },
  request: { body: jsonBody(CreateApiTokenBody, { name: "Portfolio export script" }) },
  responses: { 201: json(CreateApiTokenResponse, "Token created"), 400: errorResponses[400], 401: errorResponses[401] },
});

export const revokeTokenRoute = defineRoute({
  operationId: "revokeApiToken",
  description:
    "Revokes one of your own API tokens; requests with it answer 401 from then on. Any signed-in caller, for their own tokens.",
  method: "delete",
  path: "/me/tokens/{tokenId}",
  tags: ["tokens"],
  summary: "Revoke a token",
  access: { kind: "user" },
  request: { params: z.object({ tokenId: z.uuid() }) },
  responses: { ...noContent, 401: errorResponses[401], 404: errorResponses[404] },
});
