import { useMutation } from "@tanstack/react-query";
import { z } from "zod";
import type { PasswordResetBody, PasswordResetRequestBody } from "../../common/contracts/auth.ts";
import { api, requestNoContent } from "./client.ts";

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: (body: PasswordResetRequestBody) => api.post("/auth/password-reset", z.object({ message: z.string() }), body) });
}

export function useCompletePasswordReset() {
  return useMutation({ mutationFn: (body: PasswordResetBody) => requestNoContent("POST", "/auth/password-reset/complete", body) });
}
