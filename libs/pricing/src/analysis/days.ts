/** UTC calendar-day helpers for 'YYYY-MM-DD' strings (no time zones, no clocks). */

const DAY_MS = 86_400_000;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date; throws naming `what` when it is not a real calendar date. */
export function dayNumber(day: string, what: string): number {
  const m = DAY.exec(day);
  if (!m) throw new RangeError(`${what}: expected a 'YYYY-MM-DD' date, got ${JSON.stringify(day)}`);
  const [, y, mo, d] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d));
  const back = new Date(ms);
  if (back.getUTCFullYear() !== Number(y) || back.getUTCMonth() !== Number(mo) - 1 || back.getUTCDate() !== Number(d)) {
    throw new RangeError(`${what}: ${day} is not a calendar date`);
  }
  return ms / DAY_MS;
}

/** The 'YYYY-MM-DD' string of a day number. */
export function dayString(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}
