import type { ResourcePricer } from '../../engine/pricer';

export const AZURE_PRICERS: readonly ResourcePricer[] = [];
