/** JSON values as the generated documents hold them. */
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

/** Ordinal string order (not locale-dependent), for deterministic output. */
export function compareOrdinal(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A copy of `record` with its keys in ordinal order (for maps whose insertion order is not meaningful). */
export function sortedByKey<T>(record: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of Object.keys(record).sort(compareOrdinal)) out[key] = record[key]!;
  return out;
}

/** Pretty-printed JSON (2 spaces) ending with a newline: the format of every committed generated JSON file. */
export function toJsonFile(value: JsonValue): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
