import { parsePlan } from '@cloudwright/terraform-plan';
import { DeploymentRequestedV1 } from '@cloudwright/contracts';
import { validateSync } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { Prng } from '@cloudwright/cloud-sim';
import { planSteps } from '../../../../services/orchestrator/src/saga/step-plan';
import { MIN_PER_CLOUD, addressOf, cloudResources, cloudSplit, generateDeployments } from './saga-plan';

const options = { count: 100, resourcesPerPlan: 20, environment: 'bench', seed: 'spec-seed', runId: 'r1' };

describe('generateDeployments', () => {
  it('builds one stack per deployment with 20 resources each, valid requests, over AWS, Azure and GCP', () => {
    const deployments = generateDeployments(options);
    expect(deployments).toHaveLength(100);
    expect(new Set(deployments.map((d) => d.stack)).size).toBe(100);
    expect(new Set(deployments.map((d) => d.request.requestKey)).size).toBe(100);
    for (const d of deployments) {
      expect(d.resources).toHaveLength(20);
      expect(new Set(d.resources.map(addressOf)).size).toBe(20);
      const errors = validateSync(plainToInstance(DeploymentRequestedV1, d.request));
      expect(errors).toEqual([]);
    }
    expect(new Set(deployments.flatMap((d) => d.clouds))).toEqual(new Set(['aws', 'azure', 'gcp']));
  });

  it('gives the saga a dependency graph: network first, node pools after their cluster, every reference resolved', () => {
    const [d] = generateDeployments({ ...options, count: 1 });
    const steps = planSteps(parsePlan(d.request.plan.inline ?? {}));
    expect(steps).toHaveLength(20);
    const byAddress = new Map(steps.map((s) => [s.address, s]));
    const byId = new Map(steps.map((s) => [s.id, s]));
    for (const r of d.resources) {
      const step = byAddress.get(addressOf(r));
      expect(step?.dependsOn.map((id) => byId.get(id)?.address).sort()).toEqual([...r.refs].sort());
    }
    const roots = steps.filter((s) => s.dependsOn.length === 0).map((s) => s.resourceType);
    expect(roots.some((t) => /_(vpc|network|resource_group)$/.test(t))).toBe(true);
    const pools = steps.filter((s) => /node_(group|pool)$/.test(s.resourceType));
    expect(pools.length).toBeGreaterThan(0);
    for (const pool of pools) expect(pool.dependsOn.map((id) => byId.get(id)?.resourceType)).toEqual([expect.stringMatching(/(eks|kubernetes|container)_cluster$/)]);
  });

  it('is deterministic for a seed and differs for another', () => {
    const a = generateDeployments(options).map((d) => d.resources.map(addressOf).join());
    expect(generateDeployments(options).map((d) => d.resources.map(addressOf).join())).toEqual(a);
    expect(generateDeployments({ ...options, seed: 'other' }).map((d) => d.resources.map(addressOf).join())).not.toEqual(a);
  });

  it('gives the fault share a failing non-root resource and nobody else', () => {
    const deployments = generateDeployments({ ...options, faultShare: 0.1 });
    const faulty = deployments.filter((d) => d.faultAddress !== null);
    expect(faulty).toHaveLength(10);
    for (const d of faulty) expect(d.resources.find((r) => addressOf(r) === d.faultAddress)?.refs.length).toBeGreaterThan(0);
    expect(generateDeployments(options).every((d) => d.faultAddress === null)).toBe(true);
  });

  it.each([
    [{ count: 0 }, /count must be an integer ≥ 1 \(got 0\)/],
    [{ resourcesPerPlan: 3 }, /resourcesPerPlan must be an integer ≥ 5 \(got 3\)/],
    [{ faultShare: 1.5 }, /faultShare must be within 0..1 \(got 1.5\)/],
  ])('refuses %p naming the option', (patch, message) => {
    expect(() => generateDeployments({ ...options, ...patch })).toThrow(message);
  });
});

describe('cloudResources / cloudSplit', () => {
  it.each(['aws', 'azure', 'gcp'] as const)('builds exactly the count asked for %s, from the minimum up', (cloud) => {
    for (let n = MIN_PER_CLOUD; n <= 20; n++) expect(cloudResources(cloud, 's', n, Prng.keyed('x', cloud, n))).toHaveLength(n);
    expect(() => cloudResources(cloud, 's', MIN_PER_CLOUD - 1, Prng.keyed('x'))).toThrow(`cloudResources(${cloud}): count must be an integer ≥ ${MIN_PER_CLOUD} (got ${MIN_PER_CLOUD - 1})`);
  });

  it('splits the total over the clouds used, at least the minimum each', () => {
    const prng = Prng.keyed('split');
    for (let i = 0; i < 200; i++) {
      const split = cloudSplit(20, prng);
      expect(split.reduce((n, [, c]) => n + c, 0)).toBe(20);
      expect(split.every(([, c]) => c >= MIN_PER_CLOUD)).toBe(true);
    }
  });
});
