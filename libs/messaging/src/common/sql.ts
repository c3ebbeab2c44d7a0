/** Quotes a PostgreSQL identifier (schema names come from configuration, never from messages). */
export function quoteIdent(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name)) throw new Error(`invalid PostgreSQL identifier "${name}"`);
  return `"${name}"`;
}

/** `($1, $2, …), ($n, …)` for a multi-row INSERT of equally long rows, with the parameters in the same order. */
export function valuesList(rows: readonly (readonly unknown[])[]): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const tuples = rows.map((row) => {
    const first = params.length + 1;
    params.push(...row);
    return `(${row.map((_, i) => `$${first + i}`).join(', ')})`;
  });
  return { sql: tuples.join(', '), params };
}
