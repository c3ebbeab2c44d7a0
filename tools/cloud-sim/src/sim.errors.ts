/** Bad input to the simulator's own API (fault specs, clock, billing, quotas): names the field and what was wrong. */
export class SimInputError extends Error {
  override readonly name = 'SimInputError';

  constructor(
    /** The field, e.g. `fault.match.operation` or `billingExport.from`. */
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}
