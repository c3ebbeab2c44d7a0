import type { UsageKey, ResourcePricer } from './pricer';
import { AWS_PRICERS } from '../pricers/aws';
import { AZURE_PRICERS } from '../pricers/azure';
import { GCP_PRICERS } from '../pricers/gcp';

export class PricerRegistry {
  private readonly byType = new Map<string, ResourcePricer>();

  constructor(pricers: readonly ResourcePricer[]) {
    for (const pricer of pricers) {
      for (const type of pricer.types) {
        if (this.byType.has(type)) throw new Error(`two pricers for ${type}`);
        this.byType.set(type, pricer);
      }
    }
  }

  get(type: string): ResourcePricer | undefined {
    return this.byType.get(type);
  }

  types(): string[] {
    return [...this.byType.keys()].sort();
  }

  /** Usage keys per priced type (types without usage-priced components map to an empty list). */
  usageKeys(): Map<string, readonly UsageKey[]> {
    return new Map([...this.byType].map(([type, pricer]) => [type, pricer.usage ?? []]));
  }
}

let cached: PricerRegistry | undefined;

export function defaultRegistry(): PricerRegistry {
  cached ??= new PricerRegistry([...AWS_PRICERS, ...AZURE_PRICERS, ...GCP_PRICERS]);
  return cached;
}
