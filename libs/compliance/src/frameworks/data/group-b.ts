import type { Framework } from '../model';

export const FRAMEWORKS_GROUP_B: readonly Framework[] = [];
