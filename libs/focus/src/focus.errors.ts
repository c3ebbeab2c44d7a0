/** The file's header is not a usable FOCUS header (mandatory columns missing, duplicated, or no header at all). */
export class FocusFormatError extends Error {
  override readonly name = 'FocusFormatError';
  constructor(
    message: string,
    /** Every mandatory column the header lacks, in specification order. */
    public missingColumns: string[],
    /** What the header looks like (see detectFocusVersion), null when it does not look like FOCUS. */
    public detectedVersion: string | null,
  ) {
    super(message);
  }
}
