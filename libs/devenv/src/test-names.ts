import { randomBytes } from 'node:crypto';
import { databaseNameOf } from './postgres-server';

const MAX_IDENTIFIER = 63; // PostgreSQL's NAMEDATALEN - 1

/** Lower-case hex token for unique names. */
export function randomToken(bytes = 4): string {
  return randomBytes(bytes).toString('hex');
}

/** `label` reduced to [a-z0-9_], collapsed underscores, no leading/trailing underscore. */
export function sanitiseLabel(label: string): string {
  return label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** `t_<label>_<token>`, at most 63 characters (the label is shortened, never the token). */
export function schemaNameFor(label: string, token: string = randomToken()): string {
  const room = MAX_IDENTIFIER - 't__'.length - token.length;
  const safe = sanitiseLabel(label).slice(0, Math.max(0, room)).replace(/_+$/, '');
  return safe ? `t_${safe}_${token}` : `t_${token}`;
}

/** `T_<TOKEN>_`: JetStream stream names allow no spaces, `.`, `*`, `>`, path separators. */
export function streamPrefixFor(token: string = randomToken()): string {
  return `T_${token.toUpperCase().replace(/[^A-Z0-9]/g, '')}_`;
}

/** `t<token>.`: prepended to subjects, so `cw.evt.x` becomes `t<token>.cw.evt.x`. */
export function subjectPrefixFor(token: string = randomToken()): string {
  return `t${token.toLowerCase().replace(/[^a-z0-9]/g, '')}.`;
}

/** Throws unless the database named by `databaseUrl` has `test` in its name. */
export function assertTestDatabase(databaseUrl: string): void {
  let name: string;
  try {
    name = databaseNameOf(databaseUrl);
  } catch {
    throw new Error(`CW_DATABASE_URL is not a valid URL: ${databaseUrl}`);
  }
  if (!name.toLowerCase().includes('test')) {
    throw new Error(
      `Refusing to run integration tests against database "${name || '(none)'}": its name must contain "test" ` +
        '(tests create and drop schemas). Point CW_DATABASE_URL at a test database, e.g. …/cloudwright_test.',
    );
  }
}
