import type { ResourcePricer } from '../../engine/pricer';

export const GCP_PRICERS: readonly ResourcePricer[] = [];
