import { ProviderError, type ProviderCloud } from '@cloudwright/cloud-provider';
import { DEFAULT_REGIONS, REGIONS, type CloudRegion } from '@cloudwright/cloud-scoring';

export interface SimRegion {
  cloud: ProviderCloud;
  /** The API name: `us-east-1`, `eastus`, `europe-west1`, `US` (a GCP multi-region). */
  id: string;
  /** The cloud's display name (FOCUS RegionName). */
  name: string;
  /** ISO 3166 country (or `EU`/`US` for a multi-region), for residency questions. */
  geography: string;
  multiRegion?: boolean;
}

/**
 * The simulated cloud serves the regions the cloud-analyzer knows (libs/cloud-scoring), so a region the analyzer
 * accepts is one the default provider can create resources in.
 */
export const SIM_REGIONS: Readonly<Record<ProviderCloud, readonly SimRegion[]>> = {
  aws: REGIONS.aws.map(simRegion),
  azure: REGIONS.azure.map(simRegion),
  gcp: REGIONS.gcp.map(simRegion),
};

function simRegion(r: CloudRegion): SimRegion {
  return { cloud: r.cloud, id: r.id, name: r.name, geography: r.country, ...(r.multiRegion ? { multiRegion: true } : {}) };
}

/** Where a resource of a regional type lands when its spec has no region: the providers' first regions (as libs/pricing assumes). */
export const DEFAULT_SIM_REGIONS: Readonly<Record<ProviderCloud, string>> = DEFAULT_REGIONS;

const BY_KEY = new Map<string, SimRegion>();
for (const regions of Object.values(SIM_REGIONS)) for (const region of regions) BY_KEY.set(`${region.cloud}:${region.id.toLowerCase()}`, region);

/**
 * The region a name denotes, tolerant of the spellings plans carry: Azure display names (`East US` → `eastus`),
 * GCP multi-regions in any case (`us` → `US`). Null when the cloud has no such region.
 */
export function findRegion(cloud: ProviderCloud, name: string): SimRegion | null {
  const key = cloud === 'azure' ? name.toLowerCase().replace(/\s+/g, '') : name.toLowerCase();
  return BY_KEY.get(`${cloud}:${key}`) ?? null;
}

/** The canonical region id, or ProviderError 'unknown-region' listing the cloud's regions. */
export function resolveRegion(cloud: ProviderCloud, name: string, address?: string): SimRegion {
  const region = findRegion(cloud, name);
  if (!region) {
    const known = SIM_REGIONS[cloud].map((r) => r.id).join(', ');
    throw new ProviderError('unknown-region', `${address ? `${address}: ` : ''}region "${name}" is not a ${cloud} region of the simulated cloud (known: ${known})`, address);
  }
  return region;
}
