/**
 * Minimal, strict parsers for the tests: an XML 1.0 well-formedness checker (elements, attributes, character data,
 * predefined and numeric entity references, one root; no DTD, CDATA or processing instructions other than the
 * declaration) and an RFC 4180 CSV reader. They throw on anything they do not accept.
 */

export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  /** Character data directly inside the element, entities resolved. */
  text: string;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.:-]*/;
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

function decode(raw: string, where: string): string {
  return raw.replace(/&([^;&]*);?/g, (match: string, ref: string) => {
    if (!match.endsWith(';')) throw new Error(`unterminated entity reference in ${where}: ${match}`);
    if (ref in ENTITIES) return ENTITIES[ref];
    const num = /^#x([0-9A-Fa-f]+)$/.exec(ref) ?? /^#([0-9]+)$/.exec(ref);
    if (num) {
      const code = parseInt(num[1], ref.startsWith('#x') ? 16 : 10);
      if (!isXmlChar(code)) throw new Error(`reference to a character XML does not allow in ${where}: &${ref};`);
      return String.fromCodePoint(code);
    }
    throw new Error(`unknown entity &${ref}; in ${where}`);
  });
}

export function parseXml(xml: string): XmlElement {
  for (const ch of xml) {
    const code = ch.codePointAt(0) ?? 0;
    if (!isXmlChar(code)) throw new Error(`character U+${code.toString(16)} is not allowed in XML 1.0`);
  }
  let i = 0;
  const decl = /^<\?xml version="1\.0" encoding="UTF-8"\?>/.exec(xml);
  if (decl) i = decl[0].length;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const skipSpace = () => {
    while (i < xml.length && /\s/.test(xml[i])) i += 1;
  };
  while (i < xml.length) {
    if (xml[i] !== '<') {
      const end = xml.indexOf('<', i);
      const raw = xml.slice(i, end === -1 ? xml.length : end);
      if (raw.includes('>')) throw new Error(`'>' in character data at ${i}`);
      const top = stack[stack.length - 1];
      if (top) top.text += decode(raw, 'text');
      else if (raw.trim() !== '') throw new Error(`text outside the root element at ${i}`);
      i += raw.length;
      continue;
    }
    if (xml.startsWith('</', i)) {
      i += 2;
      const name = NAME.exec(xml.slice(i))?.[0];
      if (!name) throw new Error(`bad end tag at ${i}`);
      i += name.length;
      skipSpace();
      if (xml[i] !== '>') throw new Error(`bad end tag ${name} at ${i}`);
      i += 1;
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`end tag ${name} does not match ${open?.name ?? 'nothing'}`);
      continue;
    }
    if (xml.startsWith('<!', i) || xml.startsWith('<?', i)) throw new Error(`unsupported markup at ${i}`);
    i += 1;
    const name = NAME.exec(xml.slice(i))?.[0];
    if (!name) throw new Error(`bad start tag at ${i}`);
    i += name.length;
    const attrs: Record<string, string> = {};
    for (;;) {
      const before = i;
      skipSpace();
      if (xml.startsWith('/>', i) || xml[i] === '>') break;
      if (i === before) throw new Error(`attributes must be separated by space in <${name}> at ${i}`);
      const attr = NAME.exec(xml.slice(i))?.[0];
      if (!attr) throw new Error(`bad attribute in <${name}> at ${i}`);
      i += attr.length;
      if (xml[i] !== '=') throw new Error(`attribute ${attr} without value at ${i}`);
      const quote = xml[i + 1];
      if (quote !== '"' && quote !== "'") throw new Error(`unquoted attribute ${attr} at ${i}`);
      const end = xml.indexOf(quote, i + 2);
      if (end === -1) throw new Error(`unterminated attribute ${attr}`);
      const raw = xml.slice(i + 2, end);
      if (raw.includes('<')) throw new Error(`'<' in attribute ${attr}`);
      if (attr in attrs) throw new Error(`duplicate attribute ${attr} in <${name}>`);
      // attribute-value normalisation: literal whitespace characters become spaces
      attrs[attr] = decode(raw.replace(/[\t\n\r]/g, ' '), `attribute ${attr}`);
      i = end + 1;
    }
    const element: XmlElement = { name, attrs, children: [], text: '' };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else if (root) throw new Error(`second root element <${name}>`);
    else root = element;
    if (xml.startsWith('/>', i)) {
      i += 2;
    } else {
      i += 1;
      stack.push(element);
    }
  }
  if (stack.length > 0) throw new Error(`unclosed element <${stack[stack.length - 1].name}>`);
  if (!root) throw new Error('no root element');
  return root;
}

/** Every element (depth first) with the given name. */
export function elements(root: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    if (e.name === name) out.push(e);
    e.children.forEach(walk);
  };
  walk(root);
  return out;
}

/** RFC 4180: CRLF records, fields quoted when needed, `""` inside quotes; throws on malformed quoting. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let wasQuoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        if (i < text.length && text[i] !== ',' && !text.startsWith('\r\n', i)) throw new Error(`text after a closing quote at ${i}`);
        continue;
      }
      field += c;
      i += 1;
      continue;
    }
    if (c === '"') {
      if (field !== '' || wasQuoted) throw new Error(`quote inside an unquoted field at ${i}`);
      quoted = true;
      wasQuoted = true;
      i += 1;
    } else if (c === ',') {
      row.push(field);
      field = '';
      wasQuoted = false;
      i += 1;
    } else if (text.startsWith('\r\n', i)) {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      wasQuoted = false;
      i += 2;
    } else if (c === '\n' || c === '\r') {
      throw new Error(`bare line break outside quotes at ${i}`);
    } else {
      field += c;
      i += 1;
    }
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || row.length > 0) throw new Error('last record not terminated by CRLF');
  return rows;
}
