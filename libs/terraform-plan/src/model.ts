import type { ResourceValues } from './values';

export type Cloud = 'aws' | 'azure' | 'gcp';

/** Terraform's action lists collapsed to one word: `["delete","create"]` and `["create","delete"]` are a replace. */
export type PlanAction = 'create' | 'update' | 'delete' | 'replace' | 'no-op' | 'read';

export interface PlanResource {
  /** Full address with module path and index, e.g. `module.db.aws_db_instance.this[0]`. */
  readonly address: string;
  /** `module.db` (null in the root module). */
  readonly moduleAddress: string | null;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  /** `count` (number) or `for_each` (string) index. */
  readonly index?: string | number;
  /** `registry.terraform.io/hashicorp/aws` */
  readonly providerName: string;
  /** The cloud of the resource type (`aws_*`, `azurerm_*`, `google_*`), null for other providers. */
  readonly cloud: Cloud | null;
  readonly action: PlanAction;
  /** Values before the change (null for create). */
  readonly before: ResourceValues | null;
  /** Values after the change (null for delete); unknown-at-plan-time values are marked. */
  readonly after: ResourceValues | null;
  /**
   * Region of the resource: from its own attributes (`region`, `location`, `availability_zone`, `zone`) or the
   * provider configuration (with variables resolved). Normalised to the cloud's API name (`eastus`, `us-east-1`).
   */
  readonly region: string | null;
  /** Where the region came from, so consumers can report assumptions. */
  readonly regionSource: 'resource' | 'provider' | 'none';
  /** Addresses (module-qualified, without index) this resource refers to or `depends_on`, from the configuration. */
  readonly dependsOn: readonly string[];
  /** JSON path of the resource change in the plan document, for error messages. */
  readonly path: string;
}

export interface ParsedPlan {
  readonly formatVersion: string;
  readonly terraformVersion: string | null;
  /** Managed resources and data sources of every module, in plan order. */
  readonly resources: readonly PlanResource[];
  /** Root module variables with their values. */
  readonly variables: Readonly<Record<string, unknown>>;
}

export function cloudOfType(type: string): Cloud | null {
  if (type.startsWith('aws_')) return 'aws';
  if (type.startsWith('azurerm_')) return 'azure';
  if (type.startsWith('google_')) return 'gcp';
  return null;
}
