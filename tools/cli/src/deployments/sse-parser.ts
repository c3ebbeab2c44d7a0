/** One message of a text/event-stream (the fields of the WHATWG server-sent events format). */
export interface SseMessage {
  /** `event:` field; `message` when absent. */
  event: string;
  /** `data:` lines joined by `\n`. */
  data: string;
  /** The last `id:` seen on the stream (it carries over to later messages, as EventSource's lastEventId does). */
  id: string | undefined;
  /** `retry:` field (ms), if given. */
  retry: number | undefined;
}

/**
 * Incremental parser of a text/event-stream: feed it decoded text in chunks split anywhere (inside a line, between
 * `\r` and `\n`); it returns the messages completed by each chunk. Comment lines (`: ping`) are counted in
 * `comments` (a heartbeat proves the stream is alive) and never become messages. Follows the WHATWG parsing rules:
 * lines end in CRLF, LF or CR; one space after the colon is dropped; a message is dispatched at a blank line and
 * only when it has data; a leading byte-order mark is ignored.
 */
export class SseParser {
  comments = 0;
  private buffer = '';
  private started = false;
  private pendingCr = false;
  private event = '';
  private data: string[] = [];
  private id: string | undefined;
  private retry: number | undefined;

  push(chunk: string): SseMessage[] {
    let text = chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.startsWith('\uFEFF')) text = text.slice(1);
    }
    // A CR ending the previous chunk already ended its line: a LF opening this one belongs to it.
    if (this.pendingCr && text.startsWith('\n')) text = text.slice(1);
    this.pendingCr = false;
    this.buffer += text;
    const messages: SseMessage[] = [];
    let start = 0;
    for (let i = 0; i < this.buffer.length; i += 1) {
      const ch = this.buffer[i];
      if (ch !== '\n' && ch !== '\r') continue;
      const line = this.buffer.slice(start, i);
      if (ch === '\r') {
        if (i + 1 === this.buffer.length) this.pendingCr = true;
        else if (this.buffer[i + 1] === '\n') i += 1;
      }
      start = i + 1;
      const message = this.line(line);
      if (message) messages.push(message);
    }
    this.buffer = this.buffer.slice(start);
    return messages;
  }

  private line(line: string): SseMessage | undefined {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) {
      this.comments += 1;
      return undefined;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.data.push(value);
    else if (field === 'event') this.event = value;
    else if (field === 'id' && !value.includes('\0')) this.id = value;
    else if (field === 'retry' && /^\d+$/.test(value)) this.retry = Number(value);
    return undefined;
  }

  private dispatch(): SseMessage | undefined {
    const message: SseMessage | undefined =
      this.data.length > 0 ? { event: this.event || 'message', data: this.data.join('\n'), id: this.id, retry: this.retry } : undefined;
    this.event = '';
    this.data = [];
    this.retry = undefined;
    return message;
  }
}
