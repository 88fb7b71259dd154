import { useMutation, useQueryClient } from "@tanstack/react-query";
import { EmailVerificationResponse, type VerifyEmailBody } from "../../common/contracts/auth.ts";
import { api, requestNoContent } from "./client.ts";
import { sessionKey } from "./session.ts";

/** Uses a mailed verification link; the session (if any) then reads "verified". */
export function useVerifyEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: VerifyEmailBody) => requestNoContent("POST", "/auth/verify-email", body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKey }),
  });
}

export function useResendVerification() {
  return useMutation({ mutationFn: () => api.post("/me/email-verification", EmailVerificationResponse, {}) });
}
