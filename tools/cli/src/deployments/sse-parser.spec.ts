import { SseParser, type SseMessage } from './sse-parser';

const STREAM =
  ': ping\n\n' +
  'id: e1\nevent: deployment.queued.v1\ndata: {"a":1}\n\n' +
  ': ping\n\n' +
  'id: e2\r\nevent: deployment.started.v1\r\ndata: line one\r\ndata: line two\r\n\r\n' +
  'data:no space\rdata:  two spaces\r\r' +
  'retry: 3000\nevent: x\n\n' +
  'id: e3\ndata\ndata: after empty\nunknown: field\n\n';

const EXPECTED: SseMessage[] = [
  { event: 'deployment.queued.v1', data: '{"a":1}', id: 'e1', retry: undefined },
  { event: 'deployment.started.v1', data: 'line one\nline two', id: 'e2', retry: undefined },
  { event: 'message', data: 'no space\n two spaces', id: 'e2', retry: undefined },
  { event: 'message', data: '\nafter empty', id: 'e3', retry: undefined },
];

function parseInPieces(pieces: string[]): { messages: SseMessage[]; comments: number } {
  const parser = new SseParser();
  const messages = pieces.flatMap((p) => parser.push(p));
  return { messages, comments: parser.comments };
}

describe(SseParser.name, () => {
  it('parses events, multi-line data, CR / LF / CRLF line ends, comments and fields without a value', () => {
    const { messages, comments } = parseInPieces([STREAM]);
    expect(messages).toEqual(EXPECTED);
    expect(comments).toBe(2);
  });

  it('gives the same messages whatever the chunking, one character at a time included', () => {
    expect(parseInPieces(STREAM.split('')).messages).toEqual(EXPECTED);
    for (let cut = 1; cut < STREAM.length; cut += 1) {
      expect(parseInPieces([STREAM.slice(0, cut), STREAM.slice(cut)]).messages).toEqual(EXPECTED);
    }
  });

  it('treats a CR at the end of one chunk and a LF at the start of the next as one line end', () => {
    const { messages } = parseInPieces(['data: a\r', '\ndata: b\r', '\n\r', '\n']);
    expect(messages).toEqual([{ event: 'message', data: 'a\nb', id: undefined, retry: undefined }]);
  });

  it('does not dispatch a message whose data never ended with a blank line, nor one without data', () => {
    const parser = new SseParser();
    expect(parser.push('event: only-type\n\n')).toEqual([]);
    expect(parser.push('data: unfinished\n')).toEqual([]);
    expect(parser.push('\n')).toEqual([{ event: 'message', data: 'unfinished', id: undefined, retry: undefined }]);
  });

  it('ignores a byte-order mark at the start and keeps the retry field', () => {
    const { messages } = parseInPieces(['\uFEFF', 'retry: 1500\ndata: x\n\n']);
    expect(messages).toEqual([{ event: 'message', data: 'x', id: undefined, retry: 1500 }]);
  });
});
