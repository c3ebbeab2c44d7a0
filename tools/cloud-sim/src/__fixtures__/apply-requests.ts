import { type ApplyOperation, type ApplyRequest, type ProviderCloud, type ResourceSpec } from '@cloudwright/cloud-provider';

const CLOUD_OF_PREFIX: ReadonlyArray<readonly [string, ProviderCloud]> = [
  ['aws_', 'aws'],
  ['azurerm_', 'azure'],
  ['google_', 'gcp'],
];

const DEFAULT_REGION: Readonly<Record<ProviderCloud, string>> = { aws: 'us-east-1', azure: 'eastus', gcp: 'us-central1' };

/** A resource spec for `address` (`aws_vpc.main` → type aws_vpc, cloud aws, the cloud's first region). */
export function specFor(address: string, overrides: Partial<ResourceSpec> = {}): ResourceSpec {
  const type = overrides.type ?? address.replace(/^(module\.[^.]+\.)+/, '').split('.')[0] ?? address;
  const cloud = overrides.cloud ?? CLOUD_OF_PREFIX.find(([prefix]) => type.startsWith(prefix))?.[1] ?? 'aws';
  return { address, type, cloud, region: DEFAULT_REGION[cloud], attributes: {}, dependsOn: [], ...overrides };
}

let sequence = 0;

/** An apply request with a fresh idempotency key unless one is given. */
export function applyRequest(
  operation: ApplyOperation,
  address: string,
  options: { key?: string; stack?: string; environment?: string; deploymentId?: string; resource?: Partial<ResourceSpec> } = {},
): ApplyRequest {
  sequence += 1;
  return {
    idempotencyKey: options.key ?? `test-${process.pid}-${sequence}:${operation}:${address}`,
    stack: options.stack ?? 'shop',
    environment: options.environment ?? 'staging',
    deploymentId: options.deploymentId ?? 'dep-1',
    operation,
    resource: specFor(address, options.resource),
  };
}
