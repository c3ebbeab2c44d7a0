/** Fixed category vocabulary, used in every output. */
export const CATEGORIES = [
  'encryption-at-rest',
  'encryption-in-transit',
  'public-access',
  'network-exposure',
  'identity-access',
  'key-management',
  'backup-recovery',
  'logging-monitoring',
  'kubernetes-security',
  'tagging',
  'cost',
  'performance',
  'reliability',
  'best-practice',
] as const;
export type Category = (typeof CATEGORIES)[number];
