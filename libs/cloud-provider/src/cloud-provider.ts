/**
 * The cloud provider port (DESIGN.md "Cloud providers"): the deployment saga provisions through it, whatever sits
 * behind it — the simulated multi-cloud (`tools/cloud-sim`, the default) or, later, a Terraform executor or SDKs.
 *
 * Resources live in a world keyed by (stack, environment, address): the same address in two environments is two
 * resources. Every mutating call carries an idempotency key: a call repeated with the same key (a coordinator that
 * crashed after dispatching and dispatches again on restart) returns the first call's result and has no second
 * effect, as AWS client tokens do.
 */

export type ProviderCloud = 'aws' | 'azure' | 'gcp';
export const PROVIDER_CLOUDS: readonly ProviderCloud[] = ['aws', 'azure', 'gcp'];

export type ApplyOperation = 'create' | 'update' | 'delete';

/** What a resource should look like: from a plan's `after` values (create, update) or `before` values (restore). */
export interface ResourceSpec {
  /** Terraform address, e.g. `module.net.aws_subnet.private[0]`. */
  address: string;
  /** Terraform resource type, e.g. `aws_subnet` — any `aws_*`, `azurerm_*` or `google_*` type. */
  type: string;
  cloud: ProviderCloud;
  /** The cloud's region API name (`us-east-1`, `eastus`, `europe-west1`); null where the type is global. */
  region: string | null;
  /** Known attribute values (unknown-at-plan-time values are left out; the provider fills them). */
  attributes: Record<string, unknown>;
  /** Addresses in the same stack/environment that must exist before this one can be created. */
  dependsOn: string[];
}

export interface ApplyRequest {
  /** Same key → same result, no second effect. The saga uses `<deploymentId>:<stepId>:<attempt-free step key>`. */
  idempotencyKey: string;
  stack: string;
  environment: string;
  /** For metering, billing tags and the provider's own audit. */
  deploymentId: string;
  operation: ApplyOperation;
  resource: ResourceSpec;
}

export type ResourcePresence = 'present' | 'absent';

export interface ResourceState {
  stack: string;
  environment: string;
  address: string;
  type: string;
  cloud: ProviderCloud;
  region: string | null;
  /** The cloud's id (ARN, Azure resource id, GCP self link) — stable for the life of the resource. */
  providerId: string;
  attributes: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

export interface ApplyResult {
  operation: ApplyOperation;
  address: string;
  /** What exists after the call. */
  presence: ResourcePresence;
  /** Present after create/update; null after delete. */
  resource: ResourceState | null;
  /** True when the idempotency key had been seen: this is the stored result of the first call. */
  replayed: boolean;
  /** True when nothing had to change (delete of an absent resource, update to identical attributes). */
  noop: boolean;
}

export interface HealthResult {
  address: string;
  healthy: boolean;
  /** Why not healthy, or what was checked. */
  detail: string;
}

export interface CloudProvider {
  /** `sim`, later `terraform`, … — recorded on each step. */
  readonly name: string;
  /** Create, update or delete one resource. Throws ProviderError (never a bare Error) when the cloud refuses. */
  apply(request: ApplyRequest): Promise<ApplyResult>;
  describe(stack: string, environment: string, address: string): Promise<ResourceState | null>;
  /** The health check run after provisioning (verification step of the saga). */
  health(stack: string, environment: string, address: string): Promise<HealthResult>;
  /**
   * The health checks of several resources of one stack in one call (as a cloud's describe-many APIs do), one result
   * per address in the order asked; each result is what `health` would answer for that address.
   */
  healthOf(stack: string, environment: string, addresses: readonly string[]): Promise<HealthResult[]>;
  /** Every resource of a stack/environment. */
  list(stack: string, environment: string): Promise<ResourceState[]>;
}
