/** Quotes a PostgreSQL identifier (schema names come from configuration, never from messages). */
export function quoteIdent(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name)) throw new Error(`invalid PostgreSQL identifier "${name}"`);
  return `"${name}"`;
}
