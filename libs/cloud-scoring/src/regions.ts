import { type Cloud } from '@cloudwright/terraform-plan';

/** Data-residency areas (the same list as RESIDENCY_AREAS in libs/contracts/src/cloud/cloud-values.ts). */
export const AREAS = ['us', 'eu', 'uk', 'ca', 'apac', 'sa', 'me', 'af'] as const;
export type Area = (typeof AREAS)[number];

export interface CloudRegion {
  readonly cloud: Cloud;
  /** The API name: `us-east-1`, `eastus`, `europe-west1`, `US` (a GCP multi-region). */
  readonly id: string;
  readonly name: string;
  /** ISO 3166 country, or `EU` / `US` / `ASIA` for a GCP multi-region. */
  readonly country: string;
  readonly area: Area;
  readonly multiRegion?: boolean;
}

const AREA_OF_COUNTRY: Readonly<Record<string, Area>> = {
  US: 'us',
  CA: 'ca',
  GB: 'uk',
  IE: 'eu',
  FR: 'eu',
  DE: 'eu',
  SE: 'eu',
  NL: 'eu',
  BE: 'eu',
  FI: 'eu',
  EU: 'eu',
  SG: 'apac',
  AU: 'apac',
  JP: 'apac',
  IN: 'apac',
  ASIA: 'apac',
  BR: 'sa',
};

/** Rows `[id, name, country]`; a fourth `'multi'` marks a GCP multi-region. */
const table = (cloud: Cloud, rows: readonly (readonly [string, string, string, 'multi'?])[]): CloudRegion[] =>
  rows.map(([id, name, country, multi]) => {
    const area = AREA_OF_COUNTRY[country];
    if (!area) throw new Error(`region table: no residency area for country ${country} (${cloud} ${id})`);
    return { cloud, id, name, country, area, ...(multi ? { multiRegion: true } : {}) };
  });

/**
 * The main regions of each cloud, which the simulated cloud serves too (tools/cloud-sim/src/catalog/regions.ts),
 * so a region the analyzer accepts is one the default provider can create resources in. No cloud region of this
 * table lies in the `me` or `af` areas: a workload that must stay there is blocked.
 */
export const REGIONS: Readonly<Record<Cloud, readonly CloudRegion[]>> = {
  aws: table('aws', [
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
  ]),
  azure: table('azure', [
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
  ]),
  gcp: table('gcp', [
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
    ['US', 'United States (multi-region)', 'US', 'multi'],
    ['EU', 'European Union (multi-region)', 'EU', 'multi'],
    ['ASIA', 'Asia Pacific (multi-region)', 'ASIA', 'multi'],
  ]),
};

/** Where a resource of a regional type lands when the plan gives no region: each provider's default (as libs/pricing and the simulated cloud assume). */
export const DEFAULT_REGIONS: Readonly<Record<Cloud, string>> = { aws: 'us-east-1', azure: 'eastus', gcp: 'us-central1' };

const BY_KEY = new Map<string, CloudRegion>();
for (const regions of Object.values(REGIONS)) for (const region of regions) BY_KEY.set(`${region.cloud}:${region.id.toLowerCase()}`, region);

/** The region a plan's name denotes, tolerant of spellings (`East US` → `eastus`, `us` → GCP `US`); null when not in the table. */
export function findRegion(cloud: Cloud, name: string): CloudRegion | null {
  const key = cloud === 'azure' ? name.toLowerCase().replace(/\s+/g, '') : name.toLowerCase();
  return BY_KEY.get(`${cloud}:${key}`) ?? null;
}

/** The cloud's regions in an area (GCP multi-regions included). */
export function regionsInArea(cloud: Cloud, area: Area): readonly CloudRegion[] {
  return REGIONS[cloud].filter((r) => r.area === area);
}

/** Locations that mean "no region" in plans (Azure DNS zones and Front Door use `global`). */
export function isGlobalLocation(name: string): boolean {
  return name.toLowerCase() === 'global';
}
