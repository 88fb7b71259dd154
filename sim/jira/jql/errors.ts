export type JqlErrorCode = "jql_syntax" | "jql_semantic";

/** A JQL error that carries Jira's own `errorMessages`, ready for a 400 response body. */
export abstract class JqlError extends Error {
  abstract readonly code: JqlErrorCode;
  readonly errorMessages: string[];

  constructor(errorMessages: string[], options?: ErrorOptions) {
    super(errorMessages.join(" "), options);
    this.errorMessages = errorMessages;
  }
}

/** The query text is not valid JQL. */
export class JqlSyntaxError extends JqlError {
  readonly code = "jql_syntax";
  override readonly name = "JqlSyntaxError";
}

/** The query parses but names unknown fields or values, or uses an operator a field does not support. */
export class JqlSemanticError extends JqlError {
  readonly code = "jql_semantic";
  override readonly name = "JqlSemanticError";
}
