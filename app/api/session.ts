import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ChangePasswordBody, type LoginBody, SessionResponse, type SignupBody } from "../../common/contracts/auth.ts";
import { api, isApiError, rememberCsrfToken, requestNoContent } from "./client.ts";

export const sessionKey = ["session"] as const;

/** The signed-in user, or null when nobody is logged in (401 is an answer here, not an error). */
export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: async () => {
      try {
        const session = await api.get("/auth/session", SessionResponse);
        rememberCsrfToken(session.csrfToken);
        return session;
      } catch (error) {
        if (isApiError(error) && error.status === 401) {
          rememberCsrfToken(null);
          return null;
        }
        throw error;
      }
    },
    staleTime: 5 * 60_000,
  });
}

function useStartSession<B>(path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => api.post(path, SessionResponse, body),
    onSuccess: (session) => {
      rememberCsrfToken(session.csrfToken);
      queryClient.clear();
      queryClient.setQueryData(sessionKey, session);
    },
  });
}

export const useLogin = () => useStartSession<LoginBody>("/auth/login");
export const useSignup = () => useStartSession<SignupBody>("/auth/signup");

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => requestNoContent("POST", "/auth/logout", {}),
    onSettled: () => {
      rememberCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(sessionKey, null);
    },
  });
}

/** Changes the password; the server ends every other session of the account. */
export function useChangePassword() {
  return useMutation({
    mutationFn: (body: ChangePasswordBody) => requestNoContent("POST", "/me/password", body),
  });
}
