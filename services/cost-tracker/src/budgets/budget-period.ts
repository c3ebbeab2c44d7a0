/** The calendar month (UTC) holding `day`: `[start, end)` as 'YYYY-MM-DD', and its label 'YYYY-MM'. */
export function monthOf(day: string): { start: string; end: string; label: string } {
  const match = /^(\d{4})-(\d{2})-\d{2}$/.exec(day);
  if (!match) throw new RangeError(`${day} is not a YYYY-MM-DD date`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const next = month === 12 ? { y: year + 1, m: 1 } : { y: year, m: month + 1 };
  const pad = (n: number) => String(n).padStart(2, '0');
  return { start: `${year}-${pad(month)}-01`, end: `${next.y}-${pad(next.m)}-01`, label: `${year}-${pad(month)}` };
}

/** Yesterday (UTC) as 'YYYY-MM-DD': the last complete day. */
export function lastCompleteDay(now: Date = new Date()): string {
  return new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
}
