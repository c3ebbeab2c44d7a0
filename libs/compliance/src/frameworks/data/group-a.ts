import type { Framework } from '../model';

export const FRAMEWORKS_GROUP_A: readonly Framework[] = [];
