/** An error answered with Jira's `{ errorMessages, errors }` body. */
export class JiraHttpError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 409 | 410 | 413 | 415 | 429 | 500 | 502 | 503,
    readonly errorMessages: readonly string[],
    readonly errors: Readonly<Record<string, string>> = {},
    readonly headers: Readonly<Record<string, string>> = {},
    options?: { cause?: unknown },
  ) {
    super(errorMessages[0] ?? Object.values(errors)[0] ?? `HTTP ${status}`, options);
  }

  body(): { errorMessages: string[]; errors: Record<string, string> } {
    return { errorMessages: [...this.errorMessages], errors: { ...this.errors } };
  }
}

export const issueNotFound = () => new JiraHttpError(404, ["Issue does not exist or you do not have permission to see it."]);
export const badRequest = (errorMessages: readonly string[], errors: Record<string, string> = {}) =>
  new JiraHttpError(400, errorMessages, errors);
export const fieldErrors = (errors: Record<string, string>) => new JiraHttpError(400, [], errors);
export const notAuthenticated = (headers: Record<string, string> = {}) =>
  new JiraHttpError(401, ["You are not authenticated. Authentication required to perform this operation."], {}, headers);
export const forbidden = (message: string) => new JiraHttpError(403, [message]);
