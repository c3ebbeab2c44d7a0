import { type PriceListRule } from './price-list';

/*
 * Starting mappings from the clouds' price lists to the catalog keys the pricers use (libs/pricing/src/pricers/<cloud>/).
 * Deliberately small: each rule names the exact attributes that single out one list price, and the unit the list
 * must quote it in, so a change in the list shows up as skipped items rather than wrong prices. Extend per service.
 */

const lower = (value: string | undefined) => (value ?? '').toLowerCase();

/** AWS Price List Bulk API (offers AmazonEC2, AmazonS3, AmazonVPC, AWSLambda). */
export const AWS_DEFAULT_RULES: readonly PriceListRule[] = [
  {
    match: { productFamily: 'Compute Instance', operatingSystem: 'Linux', tenancy: 'Shared', preInstalledSw: 'NA', capacitystatus: 'Used', licenseModel: 'No License required' },
    sku: (a) => (a.instanceType ? `ec2:instance:${a.instanceType}:linux` : null),
    unit: 'hours',
    sourceUnit: 'Hrs',
    description: (a) => `${a.instanceType} Linux/UNIX, shared tenancy`,
  },
  {
    match: { productFamily: 'Compute Instance', operatingSystem: 'Windows', tenancy: 'Shared', preInstalledSw: 'NA', capacitystatus: 'Used', licenseModel: 'License Included' },
    sku: (a) => (a.instanceType ? `ec2:instance:${a.instanceType}:windows` : null),
    unit: 'hours',
    sourceUnit: 'Hrs',
    description: (a) => `${a.instanceType} Windows, shared tenancy`,
  },
  {
    match: { productFamily: 'Storage', volumeApiName: ['gp2', 'gp3', 'io1', 'io2', 'st1', 'sc1', 'standard'] },
    sku: (a) => `ebs:${a.volumeApiName}:storage`,
    unit: 'GB',
    sourceUnit: 'GB-Mo',
    description: (a) => `EBS ${a.volumeApiName} volume storage, per GB-month`,
  },
  {
    match: { productFamily: 'Storage', volumeType: 'Standard', usagetype: /(^|-)TimedStorage-ByteHrs$/ },
    sku: () => 's3:standard:storage',
    unit: 'GB',
    sourceUnit: 'GB-Mo',
    description: () => 'S3 Standard storage per GB-month',
  },
  {
    match: { productFamily: 'NAT Gateway', usagetype: /(^|-)NatGateway-Hours$/ },
    sku: () => 'vpc:nat-gateway:hours',
    unit: 'hours',
    sourceUnit: 'Hrs',
    description: () => 'NAT gateway hour',
  },
  {
    match: { productFamily: 'NAT Gateway', usagetype: /(^|-)NatGateway-Bytes$/ },
    sku: () => 'vpc:nat-gateway:data-processed',
    unit: 'GB',
    sourceUnit: 'GB',
    description: () => 'NAT gateway data processed',
  },
  {
    match: { productFamily: 'Serverless', group: 'AWS-Lambda-Requests' },
    sku: () => 'lambda:requests',
    unit: '1M requests',
    sourceUnit: 'Requests',
    scale: '1000000',
    description: () => 'Lambda requests, per million',
  },
];

/** Azure Retail Prices API (serviceName 'Virtual Machines'): pay-as-you-go, Spot and 1/3-year reservations. */
export const AZURE_DEFAULT_RULES: readonly PriceListRule[] = [
  {
    match: { serviceName: 'Virtual Machines', productName: /Windows/, unitOfMeasure: '1 Hour' },
    sku: (a) => (a.armSkuName ? `vm:${lower(a.armSkuName)}:windows` : null),
    unit: 'hours',
    sourceUnit: '1 Hour',
    description: (a) => `${a.armSkuName} Windows pay-as-you-go, ${a.armRegionName}`,
  },
  {
    // Linux meters carry no OS in the product name; reservations (compute only) are listed under the same products
    match: { serviceName: 'Virtual Machines', productName: /^Virtual Machines (?!.*Windows)/, unitOfMeasure: '1 Hour' },
    sku: (a) => (a.armSkuName ? `vm:${lower(a.armSkuName)}:linux` : null),
    unit: 'hours',
    sourceUnit: '1 Hour',
    description: (a) => `${a.armSkuName} Linux pay-as-you-go, ${a.armRegionName}`,
  },
];

const GCP_FAMILIES: Readonly<Record<string, string>> = { E2: 'e2', N2: 'n2', 'N2D AMD': 'n2d' };
/** On-demand and spot SKUs ("E2 Instance Core running in Americas") and CUDs ("Commitment v1: E2 Cpu in Americas for 1 Year"). */
const GCP_CORE = /^(?:(?:Spot Preemptible )?(E2|N2|N2D AMD) Instance Core running in |Commitment v1: (E2|N2|N2D AMD) Cpu in )/;
const GCP_RAM = /^(?:(?:Spot Preemptible )?(E2|N2|N2D AMD) Instance Ram running in |Commitment v1: (E2|N2|N2D AMD) Ram in )/;

function gcpFamily(pattern: RegExp, description: string | undefined): string | null {
  const m = pattern.exec(description ?? '');
  const family = m?.[1] ?? m?.[2];
  return family === undefined ? null : (GCP_FAMILIES[family] ?? null);
}

/**
 * Google Cloud Billing Catalog API: Compute Engine predefined vCPU and RAM (on-demand, spot, 1/3-year CUDs) and
 * Cloud Storage at-rest storage. Google's price pages quote GiB prices as "GB"; the catalog's GB follows the pages,
 * so GiBy.h and GiBy.mo prices are taken per GB as they are (scale 1), not converted by 10^9/2^30.
 */
export const GCP_DEFAULT_RULES: readonly PriceListRule[] = [
  {
    match: { serviceDisplayName: 'Compute Engine', resourceFamily: 'Compute', description: GCP_CORE },
    sku: (a) => {
      const family = gcpFamily(GCP_CORE, a.description);
      return family ? `compute:${family}:vcpu` : null;
    },
    unit: 'hours',
    sourceUnit: 'h',
    description: (a) => `${gcpFamily(GCP_CORE, a.description)?.toUpperCase() ?? '?'} predefined instance vCPU hour`,
  },
  {
    match: { serviceDisplayName: 'Compute Engine', resourceFamily: 'Compute', description: GCP_RAM },
    sku: (a) => {
      const family = gcpFamily(GCP_RAM, a.description);
      return family ? `compute:${family}:ram` : null;
    },
    unit: 'GB-hours',
    sourceUnit: 'GiBy.h',
    description: (a) => `${gcpFamily(GCP_RAM, a.description)?.toUpperCase() ?? '?'} predefined instance RAM GB-hour`,
  },
  {
    match: { serviceDisplayName: 'Cloud Storage', resourceFamily: 'Storage', usageType: 'OnDemand', description: /^(Standard|Nearline|Coldline|Archive) Storage / },
    sku: (a) => `gcs:storage:${lower(/^(\w+)/.exec(a.description ?? '')?.[1])}`,
    unit: 'GB',
    sourceUnit: 'GiBy.mo',
    description: (a) => `Cloud Storage ${lower(/^(\w+)/.exec(a.description ?? '')?.[1])} storage GB-month`,
  },
];
