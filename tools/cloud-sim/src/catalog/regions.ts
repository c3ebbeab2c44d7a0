import { ProviderError, type ProviderCloud } from '@cloudwright/cloud-provider';

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

function region(cloud: ProviderCloud, [id, name, geography]: readonly string[]): SimRegion {
  if (id === undefined || name === undefined || geography === undefined) throw new Error(`region table row of ${cloud} is incomplete`);
  return { cloud, id, name, geography };
}

const AWS: readonly SimRegion[] = [
  ['us-east-1', 'US East (N. Virginia)', 'US'],
  ['us-east-2', 'US East (Ohio)', 'US'],
  ['us-west-1', 'US West (N. California)', 'US'],
  ['us-west-2', 'US West (Oregon)', 'US'],
  ['ca-central-1', 'Canada (Central)', 'CA'],
  ['eu-west-1', 'Europe (Ireland)', 'IE'],
  ['eu-west-2', 'Europe (London)', 'GB'],
  ['eu-west-3', 'Europe (Paris)', 'FR'],
  ['eu-central-1', 'Europe (Frankfurt)', 'DE'],
  ['eu-north-1', 'Europe (Stockholm)', 'SE'],
  ['ap-southeast-1', 'Asia Pacific (Singapore)', 'SG'],
  ['ap-southeast-2', 'Asia Pacific (Sydney)', 'AU'],
  ['ap-northeast-1', 'Asia Pacific (Tokyo)', 'JP'],
  ['ap-south-1', 'Asia Pacific (Mumbai)', 'IN'],
  ['sa-east-1', 'South America (São Paulo)', 'BR'],
].map((row) => region('aws', row));

const AZURE: readonly SimRegion[] = [
  ['eastus', 'East US', 'US'],
  ['eastus2', 'East US 2', 'US'],
  ['centralus', 'Central US', 'US'],
  ['westus', 'West US', 'US'],
  ['westus2', 'West US 2', 'US'],
  ['westus3', 'West US 3', 'US'],
  ['canadacentral', 'Canada Central', 'CA'],
  ['westeurope', 'West Europe', 'NL'],
  ['northeurope', 'North Europe', 'IE'],
  ['uksouth', 'UK South', 'GB'],
  ['francecentral', 'France Central', 'FR'],
  ['germanywestcentral', 'Germany West Central', 'DE'],
  ['swedencentral', 'Sweden Central', 'SE'],
  ['southeastasia', 'Southeast Asia', 'SG'],
  ['japaneast', 'Japan East', 'JP'],
  ['australiaeast', 'Australia East', 'AU'],
].map((row) => region('azure', row));

const GCP: readonly SimRegion[] = [
  ...[
    ['us-central1', 'Iowa', 'US'],
    ['us-east1', 'South Carolina', 'US'],
    ['us-east4', 'Northern Virginia', 'US'],
    ['us-west1', 'Oregon', 'US'],
    ['europe-west1', 'Belgium', 'BE'],
    ['europe-west2', 'London', 'GB'],
    ['europe-west3', 'Frankfurt', 'DE'],
    ['europe-west4', 'Netherlands', 'NL'],
    ['europe-north1', 'Finland', 'FI'],
    ['asia-southeast1', 'Singapore', 'SG'],
    ['asia-northeast1', 'Tokyo', 'JP'],
    ['australia-southeast1', 'Sydney', 'AU'],
  ].map((row) => region('gcp', row)),
  { cloud: 'gcp', id: 'US', name: 'United States (multi-region)', geography: 'US', multiRegion: true },
  { cloud: 'gcp', id: 'EU', name: 'European Union (multi-region)', geography: 'EU', multiRegion: true },
  { cloud: 'gcp', id: 'ASIA', name: 'Asia Pacific (multi-region)', geography: 'ASIA', multiRegion: true },
];

export const SIM_REGIONS: Readonly<Record<ProviderCloud, readonly SimRegion[]>> = { aws: AWS, azure: AZURE, gcp: GCP };

/** Where a resource of a regional type lands when its spec has no region: the providers' first regions (as libs/pricing assumes). */
export const DEFAULT_SIM_REGIONS: Readonly<Record<ProviderCloud, string>> = { aws: 'us-east-1', azure: 'eastus', gcp: 'us-central1' };

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
