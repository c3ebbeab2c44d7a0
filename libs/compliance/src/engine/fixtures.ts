import type { CheckResult, ComplianceResource, PlanFixture, PlanRule, ResourceFixture, ResourceRule } from '../model';
import { ResourceSet, complianceResource } from './resource-set';

/**
 * Runs a rule on one of its fixtures — the same path a scan takes (ResourceSet, contexts, companions), so a fixture
 * that passes here passes in a real plan with the same values.
 */
export function runResourceFixture(rule: ResourceRule, fixture: ResourceFixture): CheckResult {
  const subjectType = fixture.type ?? rule.resourceTypes.find((t) => t !== '*');
  if (!subjectType) throw new Error(`rule ${rule.id}: a fixture of a "*" rule must name its type`);
  const related = fixture.related ?? [];
  const subjectAddress = `${subjectType}.${fixture.name ?? 'subject'}`;
  const companions: ComplianceResource[] = related.map((r, i) => {
    if (!r.type) throw new Error(`rule ${rule.id}: companion fixture ${i} has no type`);
    return complianceResource({
      address: `${r.type}.${r.name ?? `related_${i}`}`,
      type: r.type,
      values: r.values,
      unknown: r.unknown,
      region: r.region ?? null,
      dependsOn: r.refersToSubject === false ? [] : [subjectAddress],
    });
  });
  const subject = complianceResource({
    address: subjectAddress,
    type: subjectType,
    values: fixture.values,
    unknown: fixture.unknown,
    region: fixture.region ?? null,
    dependsOn: related.flatMap((r, i) => (r.referencedBySubject ? [companions[i]?.address ?? ''] : [])),
  });
  const set = new ResourceSet([subject, ...companions]);
  return rule.check(set.contextFor(subject, fixture.stack ?? {}));
}

export function runPlanFixture(rule: PlanRule, fixture: PlanFixture): CheckResult {
  const addresses = fixture.resources.map((r, i) => `${r.type}.${r.name ?? `r${i}`}`);
  const resources = fixture.resources.map((r, i) =>
    complianceResource({
      address: addresses[i] ?? '',
      type: r.type,
      values: r.values,
      unknown: r.unknown,
      region: r.region ?? null,
      dependsOn: (r.dependsOnIndexes ?? []).map((j) => addresses[j] ?? ''),
    }),
  );
  return rule.check(new ResourceSet(resources).planContext(fixture.stack ?? {}));
}
