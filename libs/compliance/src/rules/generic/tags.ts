import type { Cloud, ResourceValues } from '@cloudwright/terraform-plan';
import type { ControlId } from '../../controls';
import type { CheckResult, ResourceCheckContext, ResourceRule } from '../../model';
import { fail, notApplicable, pass } from '../common/checks';
import { hasAttribute, isRecord } from './util';

/**
 * Required tags. A resource is taggable when its schema has a tag map: `tags` / `tags_all` (AWS, `tags_all` includes
 * the provider's `default_tags`), `tags` (Azure), `labels` / `resource_labels` / `terraform_labels` (GCP,
 * `terraform_labels` includes the provider's `default_labels`). Keys compare case-insensitively and ignoring `-`, `_`,
 * `.` and spaces, so `CostCenter`, `cost-center` and GCP's lowercase-only `cost_center` are the same key.
 */

export type TagKind = 'owner' | 'cost-center' | 'environment' | 'compliance';

export const DEFAULT_TAG_KEYS: Readonly<Record<TagKind, readonly string[]>> = {
  owner: ['owner', 'team', 'owned-by'],
  'cost-center': ['cost-center', 'cost-centre'],
  environment: ['environment', 'env'],
  compliance: ['compliance', 'compliance-scope', 'data-classification'],
};

/** Map attributes that include provider-wide defaults (judged first when known), then the resource's own map. */
const TAG_ATTRIBUTES: Readonly<Record<Cloud, { effective: readonly string[]; own: readonly string[] }>> = {
  aws: { effective: ['tags_all'], own: ['tags', 'tag'] },
  azure: { effective: [], own: ['tags'] },
  gcp: { effective: ['terraform_labels'], own: ['labels', 'resource_labels'] },
};

export function normaliseTagKey(key: string): string {
  return key.toLowerCase().replace(/[-_.\s]/g, '');
}

/** Spellings to probe for a key whose value is only known after apply (the key is then missing from the known map). */
function spellings(key: string): string[] {
  const words = key.split(/[-_.\s]+|(?<=[a-z])(?=[A-Z])/).filter((w) => w !== '');
  const lower = words.map((w) => w.toLowerCase());
  const cap = lower.map((w) => w.charAt(0).toUpperCase() + w.slice(1));
  const out = new Set<string>([key]);
  for (const parts of [lower, cap, lower.map((w) => w.toUpperCase())]) {
    for (const sep of ['-', '_', '', '.', ' ']) out.add(parts.join(sep));
  }
  out.add(lower[0] + cap.slice(1).join(''));
  return [...out];
}

function entriesOf(value: unknown): [string, unknown][] {
  if (isRecord(value)) return Object.entries(value);
  if (Array.isArray(value)) {
    // aws_autoscaling_group `tag` blocks: { key, value, propagate_at_launch }
    return value.filter(isRecord).flatMap((item) => (typeof item.key === 'string' ? [[item.key, item.value] as [string, unknown]] : []));
  }
  return [];
}

type Inspection =
  | { readonly attr: string; readonly state: 'unknown' }
  | {
      readonly attr: string;
      readonly state: 'known';
      readonly keys: readonly string[];
      readonly match?: { key: string; value: string };
      readonly empty?: string;
      readonly unknownValue?: string;
    };

function inspect(values: ResourceValues, attr: string, accepted: ReadonlySet<string>, acceptedSpellings: readonly string[]): Inspection {
  const v = values.get(attr);
  if (v.state === 'unknown') return { attr, state: 'unknown' };
  const entries = v.state === 'known' ? entriesOf(v.value) : [];
  let empty: string | undefined;
  let unknownValue: string | undefined;
  for (const [key, value] of entries) {
    if (!accepted.has(normaliseTagKey(key))) continue;
    if (typeof value === 'string' && value.trim() !== '') return { attr, state: 'known', keys: entries.map(([k]) => k), match: { key, value } };
    if (typeof value === 'number' || typeof value === 'boolean') {
      return { attr, state: 'known', keys: entries.map(([k]) => k), match: { key, value: String(value) } };
    }
    if (values.get([attr, key]).state === 'unknown') unknownValue = key;
    else empty = key;
  }
  if (!unknownValue && isRecord(v.state === 'known' ? v.value : {})) {
    unknownValue = acceptedSpellings.find((key) => values.get([attr, key]).state === 'unknown');
  }
  return { attr, state: 'known', keys: entries.map(([k]) => k), empty, unknownValue };
}

function describeKeys(inspection: Inspection): string {
  if (inspection.state !== 'known') return '';
  return inspection.keys.length === 0 ? `${inspection.attr} is empty` : `${inspection.attr} keys: ${inspection.keys.join(', ')}`;
}

export function requiredTagCheck(kind: TagKind): (ctx: ResourceCheckContext) => CheckResult {
  return (ctx) => {
    const cloud = ctx.resource.cloud;
    if (!cloud) return notApplicable('not a resource of a supported cloud');
    const attrs = TAG_ATTRIBUTES[cloud];
    const effective = attrs.effective.filter((a) => hasAttribute(ctx.values, a));
    const own = attrs.own.filter((a) => hasAttribute(ctx.values, a));
    if (effective.length === 0 && own.length === 0) return notApplicable('the resource type has no tags or labels');

    const keys = ctx.stack.requiredTags?.[kind] ?? DEFAULT_TAG_KEYS[kind];
    const accepted = new Set(keys.map(normaliseTagKey));
    const acceptedSpellings = [...new Set(keys.flatMap(spellings))];
    const expected = `a non-empty "${keys[0] ?? kind}" tag${keys.length > 1 ? ` (accepted keys: ${keys.join(', ')})` : ''}`;

    const inspections = [...effective, ...own].map((attr) => inspect(ctx.values, attr, accepted, acceptedSpellings));
    for (const i of inspections) {
      if (i.state === 'known' && i.match) return pass(`${i.attr}.${i.match.key} = ${JSON.stringify(i.match.value)}`, expected, i.attr);
    }
    const unknownValue = inspections.find((i) => i.state === 'known' && i.unknownValue);
    if (unknownValue?.state === 'known') {
      return { status: 'unknown', found: `${unknownValue.attr}.${unknownValue.unknownValue} is known only after apply`, expected, attribute: unknownValue.attr };
    }
    const emptyValue = inspections.find((i) => i.state === 'known' && i.empty);
    const decisive = effective.length > 0 ? inspections.slice(0, effective.length) : inspections;
    const unknownMap = decisive.find((i) => i.state === 'unknown');
    if (emptyValue?.state === 'known' && !unknownMap) {
      return fail(`${emptyValue.attr}.${emptyValue.empty} is empty`, expected, emptyValue.attr);
    }
    if (unknownMap) {
      const why = unknownMap.attr === 'tags_all' || unknownMap.attr === 'terraform_labels' ? ' (it includes the provider default tags)' : '';
      return { status: 'unknown', found: `${unknownMap.attr} is known only after apply${why}`, expected, attribute: unknownMap.attr };
    }
    const first = decisive[0];
    return fail(first ? `no ${kind} tag: ${describeKeys(first)}` : `no ${kind} tag`, expected, first?.attr);
  };
}

interface TagRuleSpec {
  readonly id: string;
  readonly kind: TagKind;
  readonly control: ControlId;
  readonly why: string;
  readonly example: string;
}

const SPECS: readonly TagRuleSpec[] = [
  { id: 'CW-GEN-0001', kind: 'owner', control: 'tag.owner', why: 'Without an owner nobody answers for a finding, an incident or a cost spike on the resource.', example: 'team-payments' },
  { id: 'CW-GEN-0002', kind: 'cost-center', control: 'tag.cost-center', why: 'Costs can only be charged back and budgets enforced when every resource names the cost center that pays for it.', example: 'cc-1234' },
  { id: 'CW-GEN-0003', kind: 'environment', control: 'tag.environment', why: 'The environment tag separates production from test in cost reports, policies and incident triage.', example: 'production' },
  { id: 'CW-GEN-0004', kind: 'compliance', control: 'tag.compliance', why: 'A compliance or data-classification tag tells auditors and policies which resources hold regulated data (PCI, HIPAA, GDPR).', example: 'pci' },
];

function tagRule(spec: TagRuleSpec): ResourceRule {
  const key = spec.kind;
  const gcpKey = key.replace(/-/g, '_');
  return {
    id: spec.id,
    scope: 'resource',
    title: `Taggable resources carry a${key === 'owner' || key === 'environment' ? 'n' : ''} ${key} tag`,
    description: `${spec.why} Accepted keys come from the stack's requiredTags (default: ${DEFAULT_TAG_KEYS[key].join(', ')}), compared ignoring case and separators.`,
    category: 'tagging',
    severity: 'low',
    clouds: ['aws', 'azure', 'gcp'],
    resourceTypes: ['*'],
    controls: [spec.control],
    check: requiredTagCheck(key),
    remediation: {
      text: `Add a "${key}" tag (label on GCP) to the resource. On AWS and GCP, provider-wide default_tags / default_labels tag every resource at once.`,
      terraform: [
        '# AWS: every resource of the provider',
        'provider "aws" {',
        `  default_tags { tags = { ${JSON.stringify(key)} = "${spec.example}" } }`,
        '}',
        '# Azure (per resource)',
        `tags = { ${JSON.stringify(key)} = "${spec.example}" }`,
        '# GCP: lowercase keys, - and _ only',
        `provider "google" { default_labels = { ${gcpKey} = "${spec.example}" } }`,
      ].join('\n'),
      bicep: `tags: {\n  '${key}': '${spec.example}'\n}`,
      effort: 'low',
    },
    references: [
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/resource-tagging',
      'https://learn.microsoft.com/azure/azure-resource-manager/management/tag-resources',
      'https://cloud.google.com/resource-manager/docs/creating-managing-labels',
    ],
    differs:
      'Judges tags_all / terraform_labels (which include provider default tags) when they are known, so a tag set once in the provider is not reported on every resource; a tag whose value is known only after apply is reported as unknown.',
    fixtures: {
      pass: [
        { type: 'aws_instance', values: { tags: null, tags_all: { [key]: spec.example } }, note: 'from provider default_tags' },
        { type: 'azurerm_resource_group', values: { location: 'westeurope', tags: { [key.toUpperCase()]: spec.example } } },
        { type: 'google_storage_bucket', values: { labels: { [gcpKey]: spec.example }, terraform_labels: { [gcpKey]: spec.example } } },
        {
          type: 'aws_s3_bucket',
          values: { tags: { 'x-custom': spec.example }, tags_all: { 'x-custom': spec.example } },
          stack: { requiredTags: { ...DEFAULT_TAG_KEYS, [key]: ['x-custom'] } },
          note: 'key from the stack',
        },
      ],
      fail: [
        { type: 'aws_instance', values: { tags: null, tags_all: {} } },
        { type: 'azurerm_storage_account', values: { tags: null }, note: 'tags unset (null in the plan)' },
        { type: 'azurerm_storage_account', values: { tags: { [key]: '' } }, note: 'empty value' },
        { type: 'google_compute_instance', values: { labels: { name: 'web' }, terraform_labels: { name: 'web' } } },
      ],
      unknown: [
        { type: 'aws_instance', values: { tags: { Name: 'web' } }, unknown: { tags_all: true }, note: 'default tags known only after apply' },
        { type: 'azurerm_storage_account', values: { tags: { Name: 'web' } }, unknown: { tags: { [key]: true } }, note: 'value from a resource attribute' },
      ],
      notApplicable: [{ type: 'aws_route_table_association', values: { subnet_id: 'subnet-1', route_table_id: 'rtb-1' } }],
    },
  };
}

export const TAG_RULES: readonly ResourceRule[] = SPECS.map(tagRule);
