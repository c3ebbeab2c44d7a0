import { PROVIDER_CLOUDS, ProviderError, type ApplyOperation, type ApplyRequest, type ProviderCloud } from '@cloudwright/cloud-provider';
import { DEFAULT_SIM_REGIONS, resolveRegion } from '../catalog/regions';
import { behaviourOf, type ResourceBehaviour } from '../catalog/resource-behaviour';

const OPERATIONS: readonly ApplyOperation[] = ['create', 'update', 'delete'];
const MAX_KEY = 512;
const MAX_NAME = 256;
const MAX_ADDRESS = 1024;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(field: string, message: string, address?: string): ProviderError {
  return new ProviderError('invalid-request', `apply request: ${field} ${message}`, address);
}

function text(record: Record<string, unknown>, key: string, field: string, max: number, address?: string): string {
  const value = record[key];
  if (typeof value !== 'string' || value.trim() === '') throw invalid(field, `must be a non-empty string (got ${JSON.stringify(value) ?? 'undefined'})`, address);
  if (value.length > max) throw invalid(field, `must be at most ${max} characters (got ${value.length})`, address);
  return value;
}

/**
 * Checks the shape of an apply request from any source (in-process caller, HTTP body) and returns a copy holding
 * only the port's fields; throws ProviderError 'invalid-request' naming the field.
 */
export function parseApplyRequest(input: unknown): ApplyRequest {
  if (!isRecord(input)) throw invalid('body', 'must be an object');
  const resource = input.resource;
  if (!isRecord(resource)) throw invalid('resource', 'must be an object');
  const address = text(resource, 'address', 'resource.address', MAX_ADDRESS);
  const idempotencyKey = text(input, 'idempotencyKey', 'idempotencyKey', MAX_KEY, address);
  const stack = text(input, 'stack', 'stack', MAX_NAME, address);
  const environment = text(input, 'environment', 'environment', MAX_NAME, address);
  const deploymentId = text(input, 'deploymentId', 'deploymentId', MAX_NAME, address);
  const operation = input.operation;
  if (typeof operation !== 'string' || !(OPERATIONS as readonly string[]).includes(operation)) {
    throw invalid('operation', `must be one of ${OPERATIONS.join(', ')} (got ${JSON.stringify(operation) ?? 'undefined'})`, address);
  }
  const type = text(resource, 'type', 'resource.type', MAX_NAME, address);
  const cloud = resource.cloud;
  if (typeof cloud !== 'string' || !(PROVIDER_CLOUDS as readonly string[]).includes(cloud)) {
    throw invalid('resource.cloud', `must be one of ${PROVIDER_CLOUDS.join(', ')} (got ${JSON.stringify(cloud) ?? 'undefined'})`, address);
  }
  const region = resource.region;
  if (region !== null && (typeof region !== 'string' || region.trim() === '')) {
    throw invalid('resource.region', `must be a region name or null (got ${JSON.stringify(region) ?? 'undefined'})`, address);
  }
  const attributes = resource.attributes ?? {};
  if (!isRecord(attributes)) throw invalid('resource.attributes', 'must be an object', address);
  const dependsOn = resource.dependsOn ?? [];
  if (!Array.isArray(dependsOn) || dependsOn.some((d) => typeof d !== 'string' || d === '')) {
    throw invalid('resource.dependsOn', 'must be an array of addresses (non-empty strings)', address);
  }
  return {
    idempotencyKey,
    stack,
    environment,
    deploymentId,
    operation: operation as ApplyOperation,
    resource: { address, type, cloud: cloud as ProviderCloud, region, attributes, dependsOn: [...(dependsOn as string[])] },
  };
}

export interface ResolvedResource {
  behaviour: ResourceBehaviour;
  /** Canonical region id; null only for a global type given no region. */
  region: string | null;
}

/**
 * What the cloud makes of the resource: its behaviour (ProviderError 'unsupported-type' for a non-cloud type), its
 * cloud matching the type's, and its region (ProviderError 'unknown-region'). A regional type given no region lands
 * in the cloud's default region, as the Terraform provider's default region would place it.
 */
export function resolveResource(request: ApplyRequest): ResolvedResource {
  const { resource } = request;
  const behaviour = behaviourOf(resource.type, resource.address);
  if (behaviour.cloud !== resource.cloud) {
    throw invalid('resource.cloud', `is ${resource.cloud}, but ${resource.type} is a ${behaviour.cloud} type`, resource.address);
  }
  if (resource.region === null) return { behaviour, region: behaviour.global ? null : DEFAULT_SIM_REGIONS[behaviour.cloud] };
  return { behaviour, region: resolveRegion(behaviour.cloud, resource.region, resource.address).id };
}

/** The fields a reused idempotency key must carry unchanged (AWS answers IdempotentParameterMismatch otherwise). */
export function requestFingerprint(request: ApplyRequest): string {
  const { stack, environment, operation, resource } = request;
  return JSON.stringify([stack, environment, operation, resource.address, resource.type, resource.cloud]);
}
