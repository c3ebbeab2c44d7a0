import type { CheckResult, ResourceCheckContext, ResourceRule } from '../../model';
import { fail, notApplicable, pass } from '../common/checks';
import { hasAttribute } from './util';

/**
 * Data residency: the resource's region must be one of the stack's `allowedRegions`.
 *
 * Decisions:
 * - Regions compare case-insensitively and without spaces (Azure `West Europe` = `westeurope`); an allowed entry may
 *   end in `*` (`europe-*`, `eu-*`).
 * - Multi-region and global locations (GCS/BigQuery `US`, `EU`, `ASIA`, dual regions `eur4`, `nam4`…, KMS `global`)
 *   span several regions: they pass only when listed themselves (`EU`), never through a member region.
 * - Cosmos DB replicas (`geo_location`) are judged too: every replica region must be allowed.
 * - Global services (IAM, Route 53, CloudFront, Azure role assignments, DNS, Front Door…) and child resources without a
 *   location of their own (they live where their parent is, which is judged itself) are not applicable.
 */

const GLOBAL_PREFIXES = [
  'aws_iam_',
  'aws_cloudfront_',
  'aws_organizations_',
  'aws_budgets_',
  'aws_globalaccelerator_',
  'aws_shield_protection',
  'azurerm_role_',
  'azurerm_policy_',
  'azurerm_management_group',
  'azurerm_subscription',
  'azurerm_dns_',
  'azurerm_private_dns_',
  'azurerm_cdn_frontdoor_',
  'azurerm_frontdoor',
  'azurerm_traffic_manager_',
  'google_project',
  'google_organization_',
  'google_folder',
  'google_service_account',
  'google_dns_',
];

function isGlobal(type: string): boolean {
  if (type.startsWith('aws_route53_') && !type.startsWith('aws_route53_resolver_')) return true;
  return GLOBAL_PREFIXES.some((p) => type.startsWith(p));
}

const LOCATION_ATTRIBUTES = ['region', 'location', 'zone', 'availability_zone'];

/** GCP multi-region and dual-region names, and `global`. */
const MULTI_REGION = /^(us|eu|asia|global|nam\d+|eur\d+|asia\d+|nam-eur-asia\d+)$/;

export function normaliseRegion(region: string): string {
  return region.toLowerCase().replace(/\s+/g, '');
}

export function regionAllowed(region: string, allowed: readonly string[]): boolean {
  const r = normaliseRegion(region);
  return allowed.some((entry) => {
    const a = normaliseRegion(entry);
    return a.endsWith('*') ? r.startsWith(a.slice(0, -1)) && !MULTI_REGION.test(r) : a === r;
  });
}

function describe(region: string): string {
  return MULTI_REGION.test(normaliseRegion(region)) ? `${region} (a multi-region location, allowed only when listed itself)` : region;
}

export function dataResidencyCheck(ctx: ResourceCheckContext): CheckResult {
  const allowed = ctx.stack.allowedRegions;
  if (!allowed || allowed.length === 0) return notApplicable('the stack declares no allowedRegions');
  const { resource, values } = ctx;
  if (isGlobal(resource.type)) return notApplicable(`${resource.type} is a global service with no data region`);
  const expected = `region in ${allowed.join(', ')}`;
  const region = resource.region;
  if (!region) {
    const hasLocation = LOCATION_ATTRIBUTES.some((a) => hasAttribute(values, a));
    if (resource.cloud !== 'aws' && !hasLocation) return notApplicable('no location of its own (it lives in its parent resource\'s region)');
    return { status: 'unknown', found: 'the region is not known from the plan (location unknown until apply, or provider region set outside the configuration)', expected, attribute: 'region' };
  }
  if (!regionAllowed(region, allowed)) return fail(`region ${describe(region)}`, expected, 'region');
  // Cosmos DB accounts replicate to every geo_location
  const replicas = values.blocks('geo_location');
  for (const replica of replicas) {
    const location = replica.get('location');
    if (location.state === 'unknown') return { status: 'unknown', found: 'geo_location.location is known only after apply', expected, attribute: 'geo_location' };
    if (location.state === 'known' && typeof location.value === 'string' && !regionAllowed(location.value, allowed)) {
      return fail(`replica geo_location.location = ${JSON.stringify(location.value)}`, expected, 'geo_location');
    }
  }
  return pass(`region ${region}`, expected, 'region');
}

export const RESIDENCY_RULES: readonly ResourceRule[] = [
  {
    id: 'CW-GEN-0005',
    scope: 'resource',
    title: 'Resources are deployed in the allowed regions (data residency)',
    description:
      'GDPR, data-sovereignty laws and customer contracts restrict where data may be stored and processed. Every regional resource must sit in one of the regions the stack allows.',
    category: 'best-practice',
    severity: 'high',
    clouds: ['aws', 'azure', 'gcp'],
    resourceTypes: ['*'],
    controls: ['bp.data-residency'],
    check: dataResidencyCheck,
    remediation: {
      text: 'Deploy the resource in an allowed region (set the provider region or the resource location), or extend the stack\'s allowedRegions if the location is approved. A multi-region location (GCS `EU`) must be listed itself.',
      terraform: 'provider "aws" {\n  region = "eu-west-1"\n}\n# azurerm\nlocation = "westeurope"\n# google\nlocation = "europe-west1"',
      bicep: "param location string = 'westeurope'",
      effort: 'high',
    },
    references: [
      'https://learn.microsoft.com/azure/governance/policy/samples/built-in-policies#general',
      'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_examples_general.html',
      'https://cloud.google.com/resource-manager/docs/organization-policy/defining-locations',
    ],
    differs:
      'Judged from the plan before anything is created (peers check regions only in cloud policies after the fact). A region the plan does not reveal is unknown, not a failure.',
    fixtures: {
      pass: [
        { type: 'aws_s3_bucket', values: { bucket: 'b' }, region: 'eu-west-1', stack: { allowedRegions: ['eu-west-1', 'eu-central-1'] } },
        { type: 'azurerm_storage_account', values: { location: 'West Europe' }, region: 'westeurope', stack: { allowedRegions: ['West Europe'] } },
        { type: 'google_compute_instance', values: { zone: 'europe-west1-b' }, region: 'europe-west1', stack: { allowedRegions: ['europe-*'] } },
        { type: 'google_storage_bucket', values: { location: 'EU' }, region: 'eu', stack: { allowedRegions: ['EU', 'europe-west1'] } },
      ],
      fail: [
        { type: 'aws_s3_bucket', values: { bucket: 'b' }, region: 'us-east-1', stack: { allowedRegions: ['eu-west-1'] } },
        { type: 'google_storage_bucket', values: { location: 'EU' }, region: 'eu', stack: { allowedRegions: ['europe-*'] }, note: 'multi-region not listed' },
        {
          type: 'azurerm_cosmosdb_account',
          values: { location: 'westeurope', geo_location: [{ location: 'westeurope' }, { location: 'eastus' }] },
          region: 'westeurope',
          stack: { allowedRegions: ['westeurope', 'northeurope'] },
          note: 'replica outside the allowed regions',
        },
      ],
      unknown: [{ type: 'azurerm_resource_group', values: {}, unknown: { location: true }, stack: { allowedRegions: ['westeurope'] } }],
      notApplicable: [
        { type: 'aws_s3_bucket', values: { bucket: 'b' }, region: 'us-east-1' },
        { type: 'aws_iam_role', values: { name: 'r' }, region: 'us-east-1', stack: { allowedRegions: ['eu-west-1'] } },
        { type: 'azurerm_subnet', values: { name: 's' }, stack: { allowedRegions: ['westeurope'] }, note: 'child resource' },
      ],
    },
  },
];
