/** A program the platform needs is not installed; `message` is one line with the install command. */
export class MissingPrerequisiteError extends Error {
  override readonly name = 'MissingPrerequisiteError';
  constructor(
    message: string,
    readonly installCommand: string,
  ) {
    super(message);
  }
}

/** A server that was named explicitly (CW_* variable) or that we started does not answer. */
export class InfrastructureUnavailableError extends Error {
  override readonly name = 'InfrastructureUnavailableError';
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}
