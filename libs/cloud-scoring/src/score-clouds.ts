import { type Cloud } from '@cloudwright/terraform-plan';
import { capabilitiesOfPlan, classifyResource, isGlobalType, isWorkloadResource, type Availability, type Capability, type PlanCapabilities, type ScoredResource } from './capabilities';
import { CERTIFICATIONS, findCertification, normaliseCertificationId, type Certification } from './certifications';
import { AREAS, DEFAULT_REGIONS, REGIONS, findRegion, isGlobalLocation, regionsInArea, type Area, type CloudRegion } from './regions';

export const CLOUDS: readonly Cloud[] = ['aws', 'azure', 'gcp'];
export type TargetCloud = Cloud | 'auto';

export const DIMENSIONS = ['services', 'regions', 'certifications', 'cost', 'compliance'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Weights of the total (a weighted mean over the dimensions every scored cloud has). */
export const DIMENSION_WEIGHTS: Readonly<Record<Dimension, number>> = { services: 30, regions: 20, certifications: 20, cost: 15, compliance: 15 };

const AVAILABILITY_VALUE: Readonly<Record<Availability, number>> = { native: 1, partner: 0.5, none: 0 };

export interface WorkloadRequirements {
  /** Areas the workload's data may live in. */
  readonly residency?: readonly Area[];
  /** Certification ids every cloud it deploys to must hold (`hipaa`, `pci-dss`, `fedramp-high`…). */
  readonly certifications?: readonly string[];
}

export interface ScoreInput {
  /** The parsed plan's resources (`parsePlan(doc).resources`). */
  readonly resources: readonly ScoredResource[];
  /** `['auto']`, or the clouds the deployment may use. */
  readonly targetClouds: readonly TargetCloud[];
  readonly requirements?: WorkloadRequirements;
  /** Monthly cost of the workload per cloud, decimal strings (`"1234.50"`), one currency. */
  readonly costByCloud?: Readonly<Partial<Record<Cloud, string>>>;
  /** Compliance posture per cloud, 0–100. */
  readonly complianceByCloud?: Readonly<Partial<Record<Cloud, number>>>;
}

export interface CloudScore {
  readonly cloud: Cloud;
  /** 0–100, integer. */
  readonly score: number;
  /** 0–100 per dimension; a dimension without data is absent. */
  readonly dimensions: Readonly<Partial<Record<Dimension, number>>>;
  readonly reasons: readonly string[];
}

export interface ScoreResult {
  /** One per scored cloud: the target clouds, or all three with `auto`. Best first. */
  readonly scores: readonly CloudScore[];
  /** The best-scoring cloud that can run the workload (null when none can or the plan has no cloud resource). */
  readonly recommendation: Cloud | null;
  readonly verdict: 'passed' | 'blocked';
  /** Why blocked (empty when passed). */
  readonly blockers: readonly string[];
  /** Everything the caller should show: the verdict's summary, the blockers, advice and notes (at most 50 lines). */
  readonly reasons: readonly string[];
  /** The clouds the plan deploys to (those its resources are written for); empty when blocked. */
  readonly selectedClouds: readonly Cloud[];
  readonly capabilities: PlanCapabilities;
}

/** A bad scoring input: `path` names the field (`targetClouds[1]`, `costByCloud.aws`). */
export class ScoringInputError extends Error {
  override readonly name = 'ScoringInputError';
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

export const MAX_REASONS = 50;
export const MAX_REASON_LENGTH = 1024;
const LISTED = 5;

/** `a, b, c, d, e and 3 more`. */
function list(items: readonly string[], max = LISTED): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

const clip = (line: string): string => (line.length <= MAX_REASON_LENGTH ? line : `${line.slice(0, MAX_REASON_LENGTH - 1)}…`);

/** At most MAX_REASONS lines of at most MAX_REASON_LENGTH characters (the contract's limits); the last says how many were cut. */
export function capReasons(lines: readonly string[]): string[] {
  const clipped = lines.map(clip);
  if (clipped.length <= MAX_REASONS) return clipped;
  return [...clipped.slice(0, MAX_REASONS - 1), `… and ${clipped.length - MAX_REASONS + 1} more reasons`];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const DECIMAL = /^\d{1,15}(\.\d{1,10})?$/;

function validate(input: ScoreInput): { targets: Cloud[] | 'auto'; residency: Area[] | null; certifications: string[]; cost: Map<Cloud, number>; compliance: Map<Cloud, number> } {
  if (!isRecord(input)) throw new ScoringInputError('input', 'expected an object');
  if (!Array.isArray(input.resources)) throw new ScoringInputError('resources', 'expected the array of the parsed plan resources');
  (input.resources as readonly unknown[]).forEach((r, i) => {
    if (!isRecord(r) || typeof r.address !== 'string' || typeof r.type !== 'string') throw new ScoringInputError(`resources[${i}]`, 'expected a plan resource with address and type');
    if (r.cloud !== null && !CLOUDS.includes(r.cloud as Cloud)) throw new ScoringInputError(`resources[${i}].cloud`, `expected aws, azure, gcp or null, got ${JSON.stringify(r.cloud)}`);
  });
  const targetClouds: readonly unknown[] = Array.isArray(input.targetClouds) ? input.targetClouds : [];
  if (targetClouds.length === 0) throw new ScoringInputError('targetClouds', 'expected ["auto"] or a non-empty list of aws, azure, gcp');
  targetClouds.forEach((t, i) => {
    if (t !== 'auto' && !CLOUDS.includes(t as Cloud)) throw new ScoringInputError(`targetClouds[${i}]`, `expected aws, azure, gcp or auto, got ${JSON.stringify(t)}`);
    if (targetClouds.indexOf(t) !== i) throw new ScoringInputError(`targetClouds[${i}]`, `${String(t)} is listed twice`);
  });
  if (targetClouds.includes('auto') && targetClouds.length > 1) throw new ScoringInputError('targetClouds', 'either ["auto"] or a list of clouds, not both');
  const targets = targetClouds.includes('auto') ? 'auto' : CLOUDS.filter((c) => targetClouds.includes(c));

  let residency: Area[] | null = null;
  const certifications: string[] = [];
  if (input.requirements !== undefined) {
    if (!isRecord(input.requirements)) throw new ScoringInputError('requirements', 'expected an object');
    const { residency: areas, certifications: certs } = input.requirements;
    if (areas !== undefined) {
      if (!Array.isArray(areas)) throw new ScoringInputError('requirements.residency', `expected a list of areas (${AREAS.join(', ')})`);
      (areas as readonly unknown[]).forEach((a, i) => {
        if (!AREAS.includes(a as Area)) throw new ScoringInputError(`requirements.residency[${i}]`, `unknown residency area ${JSON.stringify(a)} (expected one of ${AREAS.join(', ')})`);
      });
      if (areas.length > 0) residency = [...new Set(areas)];
    }
    if (certs !== undefined) {
      if (!Array.isArray(certs)) throw new ScoringInputError('requirements.certifications', 'expected a list of certification ids');
      certs.forEach((c, i) => {
        if (typeof c !== 'string' || c.trim() === '') throw new ScoringInputError(`requirements.certifications[${i}]`, 'expected a certification id such as hipaa or pci-dss');
        const id = normaliseCertificationId(c);
        if (!certifications.includes(id)) certifications.push(id);
      });
    }
  }
  const cost = new Map<Cloud, number>();
  if (input.costByCloud !== undefined) {
    if (!isRecord(input.costByCloud)) throw new ScoringInputError('costByCloud', 'expected an object of cloud → monthly cost');
    for (const [cloud, value] of Object.entries(input.costByCloud)) {
      if (value === undefined) continue;
      if (!CLOUDS.includes(cloud as Cloud)) throw new ScoringInputError(`costByCloud.${cloud}`, 'not a cloud (expected aws, azure or gcp)');
      if (typeof value !== 'string' || !DECIMAL.test(value)) throw new ScoringInputError(`costByCloud.${cloud}`, `expected a non-negative decimal string such as "1234.50", got ${JSON.stringify(value)}`);
      cost.set(cloud as Cloud, Number(value));
    }
  }
  const compliance = new Map<Cloud, number>();
  if (input.complianceByCloud !== undefined) {
    if (!isRecord(input.complianceByCloud)) throw new ScoringInputError('complianceByCloud', 'expected an object of cloud → score 0-100');
    for (const [cloud, value] of Object.entries(input.complianceByCloud)) {
      if (value === undefined) continue;
      if (!CLOUDS.includes(cloud as Cloud)) throw new ScoringInputError(`complianceByCloud.${cloud}`, 'not a cloud (expected aws, azure or gcp)');
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 100) throw new ScoringInputError(`complianceByCloud.${cloud}`, `expected a number from 0 to 100, got ${JSON.stringify(value)}`);
      compliance.set(cloud as Cloud, value);
    }
  }
  return { targets, residency, certifications, cost, compliance };
}

/** Where a workload resource lives: global (no region), or a region of its cloud (null when not in the table). */
interface Placement {
  readonly resource: ScoredResource & { cloud: Cloud };
  readonly capability: Capability | null;
  readonly global: boolean;
  /** The region name used (the plan's, or the provider default when the plan has none). */
  readonly regionName: string | null;
  readonly assumedDefault: boolean;
  readonly region: CloudRegion | null;
}

function placementOf(resource: ScoredResource & { cloud: Cloud }): Placement {
  const capability = classifyResource(resource);
  const global = isGlobalType(resource.type) || (resource.region !== null && isGlobalLocation(resource.region));
  if (global) return { resource, capability, global, regionName: null, assumedDefault: false, region: null };
  const regionName = resource.region ?? DEFAULT_REGIONS[resource.cloud];
  return { resource, capability, global, regionName, assumedDefault: resource.region === null, region: findRegion(resource.cloud, regionName) };
}

const addressesOf = (placements: readonly Placement[]) => placements.map((p) => p.resource.address);

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

const money = (n: number) => n.toFixed(2);

/**
 * Scores each candidate cloud 0–100 for the plan's workload and decides whether the plan may deploy to its targets.
 *
 * Dimensions (0–100 each): services — share of the workload's classified resources whose capability the cloud offers
 * (native 1, partner 0.5, none 0); regions — share of its regional resources the cloud can place in their area and
 * the required residency (a resource on its own cloud must be in a known region); certifications — share of the
 * required ones the cloud holds for the workload's jurisdictions (only when some are required); cost — cheapest /
 * this cloud's cost; compliance — as given. The total is the weighted mean (DIMENSION_WEIGHTS) over the dimensions
 * every scored cloud has, so totals stay comparable; a dimension known for some clouds only is shown but not counted.
 *
 * Recommendation: the best total among the candidates that can run the workload (services > 0). Ties go to the cloud
 * already holding more of the plan's resources (fewer moves), then to the cheaper one, then in the order aws, azure, gcp.
 *
 * Blocked when: the plan has no aws/azure/gcp resource; (explicit targets) it has resources on a cloud not targeted; a
 * resource's region is not in its cloud's region table; a resource lies outside the required residency; a cloud the
 * plan deploys to lacks a required certification or the certification does not cover the resource's country.
 * A Terraform plan is provider-bound: each resource deploys on its own cloud, so the selected clouds are the plan's
 * clouds in both modes, and a better-scoring other cloud is advice only.
 */
export function scoreClouds(input: ScoreInput): ScoreResult {
  const { targets, residency, certifications, cost, compliance } = validate(input);
  const capabilities = capabilitiesOfPlan(input);
  const cloudResources = input.resources.filter((r): r is ScoredResource & { cloud: Cloud } => r.mode === 'managed' && r.cloud !== null);
  const planClouds = CLOUDS.filter((c) => cloudResources.some((r) => r.cloud === c));
  const placements = cloudResources.filter(isWorkloadResource).map(placementOf);
  const candidates: readonly Cloud[] = targets === 'auto' ? CLOUDS : targets;
  const blockers: string[] = [];
  const notes: string[] = [];

  // ---- blocking checks
  if (cloudResources.length === 0) {
    blockers.push(`nothing to deploy on aws/azure/gcp: the plan has no resource of those providers${capabilities.nonCloud.length ? ` (only ${list(capabilities.nonCloud)})` : ''}`);
  }
  if (targets !== 'auto') {
    for (const cloud of planClouds.filter((c) => !targets.includes(c))) {
      const addresses = cloudResources.filter((r) => r.cloud === cloud).map((r) => r.address);
      blockers.push(`the plan has ${addresses.length} resource(s) on ${cloud}, which is not a target cloud (targets: ${targets.join(', ')}): ${list(addresses)}`);
    }
  }
  const regional = placements.filter((p) => !p.global);
  for (const [key, group] of groupBy(
    regional.filter((p) => p.region === null),
    (p) => `${p.resource.cloud}:${p.regionName ?? ''}`,
  )) {
    const [cloud, name] = key.split(':') as [Cloud, string];
    blockers.push(`region "${name}" is not a known ${cloud} region (known: ${REGIONS[cloud].map((r) => r.id).join(', ')}): ${list(addressesOf(group))}`);
  }
  if (residency) {
    const outside = regional.filter((p) => p.region !== null && !residency.includes(p.region.area));
    for (const group of groupBy(outside, (p) => `${p.resource.cloud}:${p.regionName ?? ''}`).values()) {
      const first = group[0];
      if (!first?.region) continue;
      const where = first.assumedDefault ? `${first.region.id} (no region in the plan: the provider default, ${first.region.area})` : `${first.region.id} (${first.region.area})`;
      blockers.push(`${list(addressesOf(group))} ${group.length === 1 ? 'is' : 'are'} in ${first.resource.cloud} ${where}, outside the required residency (${residency.join(', ')})`);
    }
  }
  const required = certifications.map((id) => ({ id, certification: findCertification(id) }));
  for (const { id, certification } of required) {
    if (!certification) {
      blockers.push(`certification "${id}" is not in the certification table, so no cloud can be shown to hold it (known: ${CERTIFICATIONS.map((c) => c.id).join(', ')})`);
      continue;
    }
    const deployClouds = targets === 'auto' ? planClouds : targets;
    for (const cloud of deployClouds) {
      if (!certification.clouds.includes(cloud)) {
        blockers.push(`${cloud} does not hold ${certification.name} (${certification.id}), which the workload requires`);
        continue;
      }
      const outOfScope = outsideCertificationScope(certification, regional.filter((p) => p.resource.cloud === cloud));
      if (outOfScope.length) {
        blockers.push(`${certification.name} covers ${certification.countries?.join(', ')} regions only; on ${cloud}: ${list(outOfScope.map((p) => `${p.resource.address} (${p.region?.id ?? p.regionName ?? '?'})`))}`);
      }
    }
  }

  // ---- dimensions per candidate
  type Draft = { cloud: Cloud; dimensions: Partial<Record<Dimension, number>>; reasons: string[] };
  const drafts: Draft[] = candidates.map((cloud) => ({ cloud, dimensions: {}, reasons: [] }));
  const classified = placements.filter((p): p is Placement & { capability: Capability } => p.capability !== null);
  const costs = candidates.flatMap((c) => {
    const v = cost.get(c);
    return v === undefined ? [] : [{ cloud: c, cost: v }];
  });
  const cheapest = costs.length ? costs.reduce((a, b) => (b.cost < a.cost ? b : a)) : null;

  for (const draft of drafts) {
    const { cloud } = draft;
    // services
    if (classified.length > 0) {
      let sum = 0;
      const gaps = new Map<string, string>();
      const used = new Set<string>();
      for (const p of classified) {
        const offering = p.capability.clouds[cloud];
        sum += AVAILABILITY_VALUE[offering.availability];
        used.add(offering.availability === 'native' ? offering.service : '');
        if (offering.availability !== 'native') gaps.set(p.capability.label, offering.availability === 'partner' ? `${p.capability.label} only through a partner (${offering.service})` : `no ${p.capability.label} service`);
      }
      const score = Math.round((100 * sum) / classified.length);
      draft.dimensions.services = score;
      const capabilityCount = new Set(classified.map((p) => p.capability.id)).size;
      used.delete('');
      draft.reasons.push(
        gaps.size === 0
          ? `services ${score}: all ${capabilityCount} capabilities used are native services (${list([...used], 8)})`
          : `services ${score}: ${[...gaps.values()].join('; ')}`,
      );
    }
    // regions
    const regionReason = regionsDimension(cloud, regional, residency);
    if (regionReason) {
      draft.dimensions.regions = regionReason.score;
      draft.reasons.push(regionReason.reason);
    }
    // certifications
    if (required.length > 0) {
      const held = required.filter(({ certification }) => {
        if (!certification?.clouds.includes(cloud)) return false;
        const own = regional.filter((p) => p.resource.cloud === cloud);
        if (own.length > 0) return outsideCertificationScope(certification, own).length === 0;
        return !certification.countries || REGIONS[cloud].some((r) => certification.countries?.includes(r.country));
      });
      const score = Math.round((100 * held.length) / required.length);
      draft.dimensions.certifications = score;
      const missing = required.filter((r) => !held.includes(r)).map((r) => r.id);
      draft.reasons.push(`certifications ${score}: ${missing.length === 0 ? `holds ${required.map((r) => r.id).join(', ')}` : `missing or out of scope: ${missing.join(', ')}`}`);
    }
    // cost
    const own = cost.get(cloud);
    if (own !== undefined && cheapest) {
      const score = own === 0 ? 100 : Math.round((100 * cheapest.cost) / own);
      draft.dimensions.cost = score;
      draft.reasons.push(`cost ${score}: ${money(own)} a month${cheapest.cloud === cloud ? ' (the cheapest)' : ` (cheapest: ${cheapest.cloud} at ${money(cheapest.cost)})`}`);
    }
    // compliance
    const posture = compliance.get(cloud);
    if (posture !== undefined) {
      draft.dimensions.compliance = Math.round(posture);
      draft.reasons.push(`compliance ${Math.round(posture)}: posture of the plan's ${cloud} resources`);
    }
  }

  // ---- totals over the dimensions every candidate has
  const comparable = DIMENSIONS.filter((d) => drafts.every((draft) => draft.dimensions[d] !== undefined));
  for (const d of DIMENSIONS) {
    const known = drafts.filter((draft) => draft.dimensions[d] !== undefined).map((draft) => draft.cloud);
    if (known.length > 0 && known.length < drafts.length) notes.push(`${d} is known for ${known.join(', ')} only: shown, but left out of every total so the scores stay comparable`);
  }
  const scores: CloudScore[] = drafts.map((draft) => {
    const weight = comparable.reduce((n, d) => n + DIMENSION_WEIGHTS[d], 0);
    const total = weight === 0 ? 0 : Math.round(comparable.reduce((n, d) => n + (draft.dimensions[d] ?? 0) * DIMENSION_WEIGHTS[d], 0) / weight);
    const reasons = weight === 0 ? ['no dimension could be scored (no classified resource, region, requirement, cost or compliance data)', ...draft.reasons] : draft.reasons;
    return { cloud: draft.cloud, score: total, dimensions: draft.dimensions, reasons: capReasons(reasons) };
  });
  const held = (cloud: Cloud) => cloudResources.filter((r) => r.cloud === cloud).length;
  const ranked = [...scores].sort(
    (a, b) => b.score - a.score || held(b.cloud) - held(a.cloud) || (cost.get(a.cloud) ?? Infinity) - (cost.get(b.cloud) ?? Infinity) || CLOUDS.indexOf(a.cloud) - CLOUDS.indexOf(b.cloud),
  );
  const runnable = ranked.filter((s) => s.dimensions.services === undefined || s.dimensions.services > 0);
  const recommendation = cloudResources.length === 0 ? null : (runnable[0]?.cloud ?? null);

  // ---- advice and notes
  if (recommendation && !planClouds.includes(recommendation)) {
    const best = ranked.find((s) => s.cloud === recommendation);
    const ownScores = scores.filter((s) => planClouds.includes(s.cloud)).map((s) => `${s.cloud} ${s.score}`);
    notes.unshift(
      `${recommendation} scores ${best?.score ?? '?'} for this workload${ownScores.length ? `, above ${ownScores.join(', ')} where the plan's resources are written` : ''}: a Terraform plan is provider-bound, so it deploys where its resources are written (advice, not a block)`,
    );
  }
  if (capabilities.nonCloud.length) notes.push(`not a cloud resource (no cloud deploys it): ${list(capabilities.nonCloud)}`);
  if (capabilities.unclassified.length) notes.push(`resource types outside the service mapping, left out of the services score: ${list(capabilities.unclassified)}`);
  const assumed = regional.filter((p) => p.assumedDefault && p.region);
  if (assumed.length) notes.push(`no region in the plan for ${list(addressesOf(assumed))}: assumed the provider default (${[...new Set(assumed.map((p) => p.regionName))].join(', ')})`);

  const verdict = blockers.length === 0 ? 'passed' : 'blocked';
  const selectedClouds = verdict === 'passed' ? planClouds : [];
  const summary =
    verdict === 'passed'
      ? `passed: the plan deploys on ${planClouds.join(', ')}${targets === 'auto' ? ' (auto: the clouds its resources are written for)' : ` (targets: ${targets.join(', ')})`}`
      : `blocked: ${blockers.length} problem(s)`;
  return { scores: ranked, recommendation, verdict, blockers, reasons: capReasons([summary, ...blockers, ...notes]), selectedClouds, capabilities };
}

/** Resources (placed in a known region) whose country a region-bound certification does not cover. */
function outsideCertificationScope(certification: Certification, placements: readonly Placement[]): Placement[] {
  const countries = certification.countries;
  if (!countries) return [];
  return placements.filter((p) => p.region !== null && !countries.includes(p.region.country));
}

function regionsDimension(cloud: Cloud, regional: readonly Placement[], residency: readonly Area[] | null): { score: number; reason: string } | null {
  const allowed = (area: Area) => !residency || residency.includes(area);
  const hasRegionIn = (areas: readonly Area[]) => areas.some((a) => regionsInArea(cloud, a).length > 0);
  if (regional.length === 0) {
    if (!residency) return null;
    const ok = hasRegionIn(residency);
    return { score: ok ? 100 : 0, reason: `regions ${ok ? 100 : 0}: ${ok ? 'has' : 'has no'} region in the required residency (${residency.join(', ')})` };
  }
  let fit = 0;
  const misfits: string[] = [];
  for (const p of regional) {
    if (p.resource.cloud === cloud) {
      const ok = p.region !== null && allowed(p.region.area);
      if (ok) fit++;
      else misfits.push(`${p.resource.address} (${p.regionName ?? '?'}${p.region ? `, ${p.region.area}` : ', unknown region'})`);
      continue;
    }
    const wanted: readonly Area[] = p.region && allowed(p.region.area) ? [p.region.area] : (residency ?? AREAS);
    if (hasRegionIn(wanted)) fit++;
    else misfits.push(`${p.resource.address} (no ${cloud} region in ${wanted.join('/')})`);
  }
  const score = Math.round((100 * fit) / regional.length);
  const scope = residency ? ` within the required residency (${residency.join(', ')})` : '';
  return {
    score,
    reason: misfits.length === 0 ? `regions ${score}: every regional resource can be placed in a region of ${cloud} in its area${scope}` : `regions ${score}: ${misfits.length} of ${regional.length} cannot be placed${scope}: ${list(misfits)}`,
  };
}
