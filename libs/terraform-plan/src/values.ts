/**
 * Attribute access on one side (before or after) of a planned resource change, aware of values Terraform does not
 * know until apply (`after_unknown`). Every consumer must tell "unknown at plan time" apart from "absent": pricing
 * assumes a documented default for the first, compliance reports it as `unknown` instead of failing the rule.
 */
export type AttrPath = string | readonly (string | number)[];

export type AttrValue =
  | { readonly state: 'known'; readonly value: unknown }
  | { readonly state: 'unknown' }
  | { readonly state: 'absent' };

const ABSENT: AttrValue = { state: 'absent' };
const UNKNOWN: AttrValue = { state: 'unknown' };

/** `root_block_device.0.volume_size`, `root_block_device[0].volume_size` and `['root_block_device', 0, 'volume_size']` are the same path. */
const SPLIT_CACHE = new Map<string, readonly (string | number)[]>();

export function splitPath(path: AttrPath): readonly (string | number)[] {
  if (typeof path !== 'string') return path;
  let parts = SPLIT_CACHE.get(path);
  if (!parts) {
    parts = path
      .replace(/\[(\d+)\]/g, '.$1')
      .split('.')
      .filter((part) => part !== '')
      .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    // attribute paths are few and written in code; bound the cache anyway
    if (SPLIT_CACHE.size < 10_000) SPLIT_CACHE.set(path, parts);
  }
  return parts;
}

function child(node: unknown, key: string | number): unknown {
  if (node === null || node === undefined || typeof node !== 'object') return undefined;
  if (Array.isArray(node)) return typeof key === 'number' ? node[key] : undefined;
  return (node as Record<string, unknown>)[String(key)];
}

export class ResourceValues {
  /**
   * @param values the `before` or `after` object of a resource change (null when the side does not exist)
   * @param unknown the matching `after_unknown` tree (`true` leaves mark unknown values); `false`/absent for `before`
   */
  constructor(
    readonly values: Readonly<Record<string, unknown>>,
    private readonly unknown: unknown = false,
  ) {}

  get(path: AttrPath): AttrValue {
    const parts = splitPath(path);
    let node: unknown = this.values;
    let unknownNode: unknown = this.unknown;
    for (const part of parts) {
      if (unknownNode === true) return UNKNOWN;
      unknownNode = child(unknownNode, part);
      node = child(node, part);
      if (node === undefined && unknownNode !== true) return ABSENT;
    }
    if (unknownNode === true) return UNKNOWN;
    if (node === null || node === undefined) return ABSENT;
    return { state: 'known', value: node };
  }

  /** True when the value at `path` (or one of its parents) is only known after apply. */
  isUnknown(path: AttrPath): boolean {
    return this.get(path).state === 'unknown';
  }

  /** The known value, or undefined when absent or unknown. */
  value(path: AttrPath): unknown {
    const v = this.get(path);
    return v.state === 'known' ? v.value : undefined;
  }

  string(path: AttrPath): string | undefined {
    const v = this.value(path);
    return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
  }

  number(path: AttrPath): number | undefined {
    const v = this.value(path);
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
    return undefined;
  }

  boolean(path: AttrPath): boolean | undefined {
    const v = this.value(path);
    if (typeof v === 'boolean') return v;
    if (v === 'true') return true;
    if (v === 'false') return false;
    return undefined;
  }

  /** The known list at `path` (a single object is returned as a one-element list, as Terraform blocks are). */
  list(path: AttrPath): unknown[] | undefined {
    const v = this.value(path);
    if (Array.isArray(v)) return v as unknown[];
    if (v !== undefined && typeof v === 'object') return [v];
    return undefined;
  }

  /** Values of nested blocks, each with its own slice of the unknown tree. */
  blocks(path: AttrPath): ResourceValues[] {
    const parts = splitPath(path);
    const list = this.value(parts);
    if (!Array.isArray(list)) {
      return list !== undefined && typeof list === 'object' ? [this.at(parts)] : [];
    }
    return list.map((_item, i) => this.at([...parts, i]));
  }

  /** The nested object at `path` as its own view (empty when absent). */
  at(path: AttrPath): ResourceValues {
    const parts = splitPath(path);
    let node: unknown = this.values;
    let unknownNode: unknown = this.unknown;
    for (const part of parts) {
      node = child(node, part);
      unknownNode = unknownNode === true ? true : child(unknownNode, part);
    }
    const obj = node !== null && typeof node === 'object' && !Array.isArray(node) ? (node as Record<string, unknown>) : {};
    return new ResourceValues(obj, unknownNode ?? false);
  }
}
