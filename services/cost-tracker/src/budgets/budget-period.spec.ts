import { lastCompleteDay, monthOf } from './budget-period';

describe(monthOf.name, () => {
  it.each([
    ['2024-09-18', { start: '2024-09-01', end: '2024-10-01', label: '2024-09' }],
    ['2024-12-31', { start: '2024-12-01', end: '2025-01-01', label: '2024-12' }],
  ])('gives the month of %s', (day, expected) => {
    expect(monthOf(day)).toEqual(expected);
  });

  it('rejects a date that is not YYYY-MM-DD', () => {
    expect(() => monthOf('2024-9-1')).toThrow('2024-9-1 is not a YYYY-MM-DD date');
  });
});

describe(lastCompleteDay.name, () => {
  it('is the UTC day before now', () => {
    expect(lastCompleteDay(new Date('2030-03-01T00:30:00Z'))).toBe('2030-02-28');
  });
});
