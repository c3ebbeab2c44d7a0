import { StringDecoder } from 'node:string_decoder';

/** One CSV record: its fields and the 1-based physical line it starts on. */
export interface CsvRecord {
  fields: string[];
  line: number;
}

/** Broken CSV quoting; `line` is the physical line where the record holding the problem starts. */
export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

const QUOTE = 34; // "
const COMMA = 44; // ,
const LF = 10; // \n
const CR = 13; // \r
const BOM = '\uFEFF';

/** Returned by the scanner when the buffer ends before the record does and more input may follow. */
const INCOMPLETE = -1;

/** Number of LF characters in text[from, to). */
function countLineFeeds(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/**
 * Splits buffered CSV text into complete records (RFC 4180: comma separator, `"`-quoted fields with `""` escapes that
 * may hold commas and line breaks; records end at LF or CRLF; fully empty lines are skipped).
 * Scans with indexOf and slices fields out of the buffer, so the cost is per field, not per character.
 */
class CsvScanner {
  /** Physical line at the start of the not yet consumed text. */
  line = 1;
  /** Offset of the next quote at or after the field being read, -1 when the text has none left. */
  private quoteAt = -1;
  /** Broken quoting met by the last scan, to be raised once the records before it are delivered. */
  failure: CsvSyntaxError | null = null;

  /**
   * Appends the complete records of `text` to `out`, from offset 0, and returns the offset where the first incomplete
   * record starts (text.length when everything was consumed). With `final`, the end of the text ends the last record.
   */
  scan(text: string, final: boolean, out: CsvRecord[]): number {
    const length = text.length;
    let pos = 0;
    this.quoteAt = text.indexOf('"');
    while (pos < length) {
      const first = text.charCodeAt(pos);
      // a fully empty line (LF or CRLF) is skipped but counted
      if (first === LF) {
        pos++;
        this.line++;
        continue;
      }
      if (first === CR && pos + 1 < length && text.charCodeAt(pos + 1) === LF) {
        pos += 2;
        this.line++;
        continue;
      }
      if (first === CR && pos + 1 === length && !final) return pos;
      let end: number;
      try {
        end = this.record(text, pos, final, out);
      } catch (error) {
        if (!(error instanceof CsvSyntaxError)) throw error;
        this.failure = error;
        return pos;
      }
      if (end === INCOMPLETE) return pos;
      pos = end;
    }
    return pos;
  }

  /** Reads one record starting at `start`; returns the offset after its line end. INCOMPLETE if cut short. */
  private record(text: string, start: number, final: boolean, out: CsvRecord[]): number {
    const length = text.length;
    const recordLine = this.line;
    let line = recordLine;
    const fields: string[] = [];
    let pos = start;
    let lineEnd = text.indexOf('\n', pos);
    for (;;) {
      if (pos < length && text.charCodeAt(pos) === QUOTE) {
        // quoted field: find the closing quote, joining the slices between "" escapes
        const quoteLine = line;
        let from = pos + 1;
        let value = '';
        let close: number;
        for (;;) {
          close = text.indexOf('"', from);
          if (close === -1) {
            if (!final) return INCOMPLETE;
            throw new CsvSyntaxError(`Unterminated quoted field: the quote opened on line ${quoteLine} is never closed`, recordLine);
          }
          if (close + 1 < length && text.charCodeAt(close + 1) === QUOTE) {
            value += text.slice(from, close + 1);
            from = close + 2;
            continue;
          }
          if (close + 1 === length && !final) return INCOMPLETE; // the quote may be the first of a "" escape
          value = value.length === 0 ? text.slice(from, close) : value + text.slice(from, close);
          break;
        }
        line += countLineFeeds(text, pos + 1, close);
        fields.push(value);
        pos = close + 1;
        if (pos === length) break; // final: the text ends the record
        const after = text.charCodeAt(pos);
        if (after === COMMA) {
          pos++;
          continue;
        }
        if (after === LF) {
          pos++;
          break;
        }
        if (after === CR) {
          if (pos + 1 === length) {
            if (!final) return INCOMPLETE;
            pos++;
            break;
          }
          if (text.charCodeAt(pos + 1) === LF) {
            pos += 2;
            break;
          }
        }
        throw new CsvSyntaxError(
          `Invalid Closing Quote: the quoted field on line ${line} is followed by ${JSON.stringify(text[pos])} instead of a comma or a line end`,
          recordLine,
        );
      }
      // unquoted field: it ends at the next comma or line end
      if (lineEnd !== -1 && lineEnd < pos) lineEnd = text.indexOf('\n', pos);
      if (lineEnd === -1 && !final) return INCOMPLETE;
      const recordEnd = lineEnd === -1 ? length : lineEnd;
      let comma = text.indexOf(',', pos);
      if (comma > recordEnd || comma === -1) comma = recordEnd;
      if (this.quoteAt !== -1 && this.quoteAt < pos) this.quoteAt = text.indexOf('"', pos);
      if (this.quoteAt !== -1 && this.quoteAt < comma) {
        throw new CsvSyntaxError(
          `Invalid Opening Quote: a quote inside the unquoted field on line ${line} (quote fields that hold quotes as a whole)`,
          recordLine,
        );
      }
      if (comma < recordEnd) {
        fields.push(text.slice(pos, comma));
        pos = comma + 1;
        continue;
      }
      // the last field of the record: drop the CR of a CRLF
      const fieldEnd = recordEnd > pos && text.charCodeAt(recordEnd - 1) === CR ? recordEnd - 1 : recordEnd;
      fields.push(text.slice(pos, fieldEnd));
      pos = recordEnd === length ? length : recordEnd + 1;
      break;
    }
    out.push({ fields, line: recordLine });
    this.line = line + 1;
    return pos;
  }
}

/**
 * Streams CSV records in batches (one batch per input chunk, in order), holding only the incomplete last record of a
 * chunk between chunks. Bytes are decoded as UTF-8 across chunk boundaries and a leading BOM is dropped.
 * Throws CsvSyntaxError on broken quoting, after yielding the records before it.
 */
export async function* csvRecordBatches(input: AsyncIterable<string | Buffer>): AsyncGenerator<CsvRecord[]> {
  const decoder = new StringDecoder('utf8');
  const scanner = new CsvScanner();
  let pending = '';
  let started = false; // whether the BOM check is done

  const take = (text: string, final: boolean): CsvRecord[] => {
    if (!started) {
      if (text.length === 0) return [];
      started = true;
      if (text.startsWith(BOM)) text = text.slice(1);
    }
    if (!final && pending.length > 0 && text.indexOf('\n') === -1) {
      // the pending record needs a line end after what was scanned, so re-scanning before one arrives is wasted
      pending += text;
      return [];
    }
    const buffer = pending.length === 0 ? text : pending + text;
    const records: CsvRecord[] = [];
    const consumed = scanner.scan(buffer, final, records);
    pending = consumed === buffer.length ? '' : buffer.slice(consumed);
    return records;
  };

  for await (const chunk of input) {
    const records = take(typeof chunk === 'string' ? chunk : decoder.write(chunk), false);
    if (records.length > 0) yield records;
    if (scanner.failure) throw scanner.failure;
  }
  const records = take(decoder.end(), true);
  if (records.length > 0) yield records;
  if (scanner.failure) throw scanner.failure;
}

/** Streams CSV records one at a time; see csvRecordBatches. */
export async function* csvRecords(input: AsyncIterable<string | Buffer>): AsyncGenerator<CsvRecord> {
  for await (const batch of csvRecordBatches(input)) yield* batch;
}
