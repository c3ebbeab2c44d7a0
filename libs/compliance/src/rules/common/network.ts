/** Network helpers shared by the security-group, NSG and firewall rules of the three clouds. */

export const ADMIN_PORTS: readonly number[] = [22, 3389];
/** MySQL, PostgreSQL, SQL Server, Oracle, MongoDB, Redis, Cassandra, Elasticsearch, CouchDB, Memcached. */
export const DATABASE_PORTS: readonly number[] = [1433, 1521, 3306, 5432, 6379, 9042, 9200, 27017, 5984, 11211];

const INTERNET = new Set(['0.0.0.0/0', '::/0', '*', 'internet', 'any', '0.0.0.0', '<nw>/0', '/0']);

/** True for a source meaning "anywhere": `0.0.0.0/0`, `::/0`, Azure's `*` / `Internet` / `Any` service tags. */
export function isInternetSource(source: unknown): boolean {
  return typeof source === 'string' && INTERNET.has(source.trim().toLowerCase());
}

/** Any of the sources (string or list, possibly nested) is the internet. */
export function anyInternetSource(...sources: unknown[]): boolean {
  for (const source of sources) {
    if (Array.isArray(source)) {
      if (source.some((s) => isInternetSource(s))) return true;
    } else if (isInternetSource(source)) {
      return true;
    }
  }
  return false;
}

export interface PortRange {
  readonly from: number;
  readonly to: number;
}

/**
 * Parses a port spec of any cloud: a number, `"22"`, `"20-25"`, `"*"`, or a list of those. `-1`/`*`/empty with protocol
 * "all" means every port. Returns the ranges, or null when nothing parseable is given.
 */
export function parsePorts(spec: unknown): PortRange[] | null {
  if (spec === null || spec === undefined) return null;
  if (Array.isArray(spec)) {
    const ranges = spec.flatMap((item) => parsePorts(item) ?? []);
    return ranges.length > 0 ? ranges : null;
  }
  if (typeof spec === 'number') return spec < 0 ? [{ from: 0, to: 65535 }] : [{ from: spec, to: spec }];
  if (typeof spec !== 'string') return null;
  const text = spec.trim();
  if (text === '*' || text === '-1' || text.toLowerCase() === 'all') return [{ from: 0, to: 65535 }];
  const range = /^(\d+)\s*-\s*(\d+)$/.exec(text);
  if (range) return [{ from: Number(range[1]), to: Number(range[2]) }];
  if (/^\d+$/.test(text)) return [{ from: Number(text), to: Number(text) }];
  return null;
}

export function rangesInclude(ranges: readonly PortRange[], port: number): boolean {
  return ranges.some((r) => r.from <= port && port <= r.to);
}

/** The listed ports a set of ranges opens. */
export function openedPorts(ranges: readonly PortRange[], ports: readonly number[]): number[] {
  return ports.filter((port) => rangesInclude(ranges, port));
}

/** The ranges cover (nearly) every port: 0–65535 or 1–65535. */
export function isAllPorts(ranges: readonly PortRange[]): boolean {
  return ranges.some((r) => r.from <= 1 && r.to >= 65535);
}

/** AWS protocol `-1` / `all` (every protocol and therefore every port). */
export function isAllProtocols(protocol: unknown): boolean {
  return protocol === '-1' || protocol === -1 || (typeof protocol === 'string' && ['all', '*'].includes(protocol.toLowerCase()));
}
