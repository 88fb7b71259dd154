import { Alert } from "@mantine/core";
import type { ReactNode } from "react";
import { isApiError } from "../api/client.ts";

/** The message of whatever went wrong, in the API's own words when it gave some. */
export function errorMessage(error: unknown): string {
  if (isApiError(error)) return error.message;
  if (error instanceof Error) return error.message;
  return "Something went wrong.";
}

export function ErrorAlert({ error, title = "Something went wrong", children }: { error: unknown; title?: string; children?: ReactNode }) {
  if (!error) return null;
  return (
    <Alert color="red" title={title} data-testid="error-alert">
      {errorMessage(error)}
      {children}
    </Alert>
  );
}
