import type { Cloud, PlanAction, ResourceValues } from '@cloudwright/terraform-plan';
import type { ControlId } from './controls';

export { CATEGORIES, type Category } from './categories';
import type { Category } from './categories';

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Weight of a severity in scores (documented in docs/compliance.md). */
export const SEVERITY_WEIGHT: Readonly<Record<Severity, number>> = { critical: 10, high: 7, medium: 4, low: 2, info: 1 };

export type Effort = 'low' | 'medium' | 'high';

/**
 * What a rule's check says about one resource (or the plan, or the stack's evidence):
 * - `pass` / `fail`;
 * - `unknown`: a value the rule needs is only known after apply — reported, never counted against the score;
 * - `not-applicable`: the rule does not concern this resource (e.g. an engine or SKU the rule is not about);
 * - `manual`: an evidence rule whose evidence was not supplied.
 */
export type CheckStatus = 'pass' | 'fail' | 'unknown' | 'not-applicable';
export type RuleStatus = CheckStatus | 'manual';
/** A finding's status: `muted` when a waiver in force covers a `fail` (or `unknown`) result. */
export type FindingStatus = RuleStatus | 'muted';

/**
 * A resource as the rule engine sees it: normalised from a Terraform plan now, from the inventory later.
 * `values` are the resource's attributes after the change, with unknown-at-plan-time values marked.
 */
export interface ComplianceResource {
  /** e.g. `module.db.aws_db_instance.this[0]` */
  readonly address: string;
  /** Address without instance index, module-qualified: what other resources' `dependsOn` lists. */
  readonly configAddress: string;
  readonly moduleAddress: string | null;
  readonly type: string;
  readonly name: string;
  readonly index?: string | number;
  readonly cloud: Cloud | null;
  readonly region: string | null;
  readonly values: ResourceValues;
  /** Config addresses this resource refers to (references and `depends_on`). */
  readonly dependsOn: readonly string[];
  /** The plan action that produces these values (`inventory` for resources read from the inventory). */
  readonly action: PlanAction | 'inventory';
  /** JSON path in the source document, for messages. */
  readonly path?: string;
}

/** Evidence a plan cannot give (runbooks written, MFA enforced, …), supplied as stack metadata. */
export interface EvidenceItem {
  readonly value: boolean;
  /** Where the evidence comes from (a URL, a ticket, a person). */
  readonly source?: string;
}

export interface StackContext {
  readonly stack?: string;
  readonly environment?: string;
  /** Tag keys every taggable resource must carry (case-insensitive). Default: owner, cost-center, environment, compliance. */
  readonly requiredTags?: Readonly<Partial<Record<'owner' | 'cost-center' | 'environment' | 'compliance', readonly string[]>>>;
  /** Regions data may reside in (data-residency rules); absent = no restriction declared. */
  readonly allowedRegions?: readonly string[];
  /** Container images / machine images considered approved: prefixes (`registry.example.com/`) or exact ids. */
  readonly approvedImages?: readonly string[];
  /** Evidence keyed by evidence id (see `EvidenceRule.evidence.key`). */
  readonly evidence?: Readonly<Record<string, EvidenceItem>>;
}

export interface CheckResult {
  readonly status: CheckStatus;
  /** What was found, in the words of the resource's configuration: `storage_encrypted = false`. */
  readonly found?: string;
  /** What the rule expects: `storage_encrypted = true`. */
  readonly expected?: string;
  /** The attribute (or companion resource) the verdict rests on. */
  readonly attribute?: string;
}

export interface ResourceCheckContext {
  readonly resource: ComplianceResource;
  readonly values: ResourceValues;
  readonly stack: StackContext;
  /**
   * Resources of the given types in the same scan that refer to this resource — its companions, e.g. the
   * `aws_s3_bucket_server_side_encryption_configuration` of a bucket. Instances of a `count`/`for_each` companion
   * are matched to the instance with the same index when both have one.
   */
  referencing(types: string | readonly string[]): ComplianceResource[];
  /** Resources of the given types this resource refers to (e.g. the KMS key of a volume). */
  referenced(types: string | readonly string[]): ComplianceResource[];
  /** Every resource of the given types in the scan. */
  ofType(types: string | readonly string[]): ComplianceResource[];
}

export interface PlanCheckContext {
  readonly resources: readonly ComplianceResource[];
  readonly stack: StackContext;
  ofType(types: string | readonly string[]): ComplianceResource[];
  /** Resources (of any type) whose configuration refers to `resource` — indexed, so plan rules stay linear. */
  referrersOf(resource: ComplianceResource): readonly ComplianceResource[];
}

export interface Remediation {
  /** What to change, in a sentence or two. */
  readonly text: string;
  /** Terraform attribute change (HCL snippet). */
  readonly terraform: string;
  /** Bicep equivalent (Azure rules). */
  readonly bicep?: string;
  readonly effort: Effort;
}

export interface RuleBase {
  /** Stable id: `CW-AWS-0001`, `CW-AZ-0001`, `CW-GCP-0001`, `CW-GEN-0001`, `CW-EV-0001`. */
  readonly id: string;
  readonly title: string;
  /** Why the rule matters, one or two sentences. */
  readonly description: string;
  readonly category: Category;
  readonly severity: Severity;
  /** Clouds the rule concerns (all three for generic rules). */
  readonly clouds: readonly Cloud[];
  /** Control topics the rule implements; frameworks map their requirements to these. */
  readonly controls: readonly ControlId[];
  readonly remediation: Remediation;
  /** Public references (provider docs, CIS, vendor guidance). */
  readonly references: readonly string[];
  /** Equivalent checks of peer tools, for users coming from them. */
  readonly peers?: { readonly checkov?: readonly string[]; readonly kics?: readonly string[]; readonly trivy?: readonly string[] };
  /** Where the rule deliberately differs from its peers, and why. */
  readonly differs?: string;
}

/** A resource in a fixture: the subject resource or a companion. Values are `after` values; `unknown` is the `after_unknown` tree. */
export interface FixtureResource {
  /** Defaults to the rule's first resource type (subject) — required for companions. */
  readonly type?: string;
  readonly name?: string;
  readonly values: Readonly<Record<string, unknown>>;
  readonly unknown?: Readonly<Record<string, unknown>>;
  /** Companions refer to the subject by default; set false for an unrelated resource of the same plan. */
  readonly refersToSubject?: boolean;
  /** The subject refers to this companion (e.g. its KMS key). */
  readonly referencedBySubject?: boolean;
  readonly region?: string;
}

export interface ResourceFixture extends FixtureResource {
  readonly related?: readonly FixtureResource[];
  readonly stack?: StackContext;
  /** What the fixture shows, for test names. */
  readonly note?: string;
}

export interface ResourceRule extends RuleBase {
  readonly scope: 'resource';
  /** Terraform resource types the rule evaluates; `*` = any type of the rule's clouds (applicability then decided by the check). */
  readonly resourceTypes: readonly string[];
  check(ctx: ResourceCheckContext): CheckResult;
  readonly fixtures: {
    readonly pass: readonly ResourceFixture[];
    readonly fail: readonly ResourceFixture[];
    readonly unknown?: readonly ResourceFixture[];
    readonly notApplicable?: readonly ResourceFixture[];
  };
}

export interface PlanFixture {
  readonly resources: readonly (FixtureResource & { readonly type: string; readonly dependsOnIndexes?: readonly number[] })[];
  readonly stack?: StackContext;
  readonly note?: string;
}

/** A rule over the whole plan (e.g. "load balancers configured for multi-instance compute"); one result per scan. */
export interface PlanRule extends RuleBase {
  readonly scope: 'plan';
  check(ctx: PlanCheckContext): CheckResult;
  readonly fixtures: {
    readonly pass: readonly PlanFixture[];
    readonly fail: readonly PlanFixture[];
    readonly notApplicable?: readonly PlanFixture[];
  };
}

/**
 * A rule that needs evidence a plan cannot give. Evidence `true` → pass, `false` → fail, missing → manual.
 * Never faked: without evidence the rule is reported as manual.
 */
export interface EvidenceRule extends RuleBase {
  readonly scope: 'evidence';
  readonly evidence: {
    /** Key in `StackContext.evidence`, e.g. `runbooks`. */
    readonly key: string;
    /** The question the evidence answers, shown for manual results. */
    readonly asks: string;
  };
}

export type Rule = ResourceRule | PlanRule | EvidenceRule;
