import type { ContentfulStatusCode } from "hono/utils/http-status";

/** Stable error codes: clients and tests match on these, never on messages. */
export const errorStatus = {
  invalid_json: 400,
  validation_failed: 400,
  invalid_delivery: 400,
  authentication_required: 401,
  invalid_credentials: 401,
  invalid_signature: 401,
  csrf_failed: 403,
  signup_closed: 403,
  forbidden: 403,
  invitation_other_email: 403,
  not_found: 404,
  method_not_allowed: 405,
  version_conflict: 409,
  conflict: 409,
  not_connected: 409,
  email_taken: 409,
  already_member: 409,
  last_admin: 409,
  already_linked: 409,
  issue_already_linked: 409,
  feature_disabled: 409,
  mapping_required: 409,
  custom_field_conversion_failed: 409,
  custom_field_option_in_use: 409,
  jira_issue_not_found: 400,
  jira_issue_not_epic: 400,
  planning_refused: 422,
  jira_project_not_mapped: 400,
  mapping_invalid: 400,
  invitation_invalid: 410,
  reset_link_invalid: 410,
  verification_link_invalid: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  precondition_required: 428,
  rate_limited: 429,
  internal_error: 500,
  jira_failed: 502,
  not_ready: 503,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  readonly status: ContentfulStatusCode;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.status = errorStatus[code];
  }
}

export type ErrorBody = { error: { code: ErrorCode; message: string; details?: unknown } };

export function errorBody(error: AppError): ErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.details === undefined ? {} : { details: error.details }),
    },
  };
}

export const notFound = (what: string) => new AppError("not_found", `${what} was not found.`);
