import { examplePlan, resource } from './__fixtures__/resources';
import { MAX_REASONS, ScoringInputError, scoreClouds, type ScoreInput } from './score-clouds';

const scoreOf = (result: ReturnType<typeof scoreClouds>, cloud: string) => result.scores.find((s) => s.cloud === cloud);

describe(scoreClouds.name, () => {
  describe('explicit target clouds', () => {
    it('passes the multi-cloud example on its three clouds and scores each one', () => {
      const plan = examplePlan('multi-cloud');
      const result = scoreClouds({ resources: plan.resources, targetClouds: ['aws', 'azure', 'gcp'], costByCloud: { aws: '1000.00', azure: '1250.00', gcp: '800.00' }, complianceByCloud: { aws: 60, azure: 90, gcp: 75 } });
      expect(result.verdict).toBe('passed');
      expect(result.blockers).toEqual([]);
      expect(result.selectedClouds).toEqual(['aws', 'azure', 'gcp']);
      expect(result.reasons[0]).toBe('passed: the plan deploys on aws, azure, gcp (targets: aws, azure, gcp)');
      expect(scoreOf(result, 'gcp')?.dimensions).toEqual({ services: 100, regions: 100, cost: 100, compliance: 75 });
      expect(scoreOf(result, 'aws')?.dimensions).toEqual({ services: 100, regions: 100, cost: 80, compliance: 60 });
      expect(scoreOf(result, 'azure')?.dimensions).toEqual({ services: 100, regions: 100, cost: 64, compliance: 90 });
      // (30·100 + 20·100 + 15·cost + 15·compliance) / 80
      expect(result.scores.map((s) => [s.cloud, s.score])).toEqual([
        ['gcp', 95],
        ['azure', 91],
        ['aws', 89],
      ]);
      expect(result.recommendation).toBe('gcp');
      expect(scoreOf(result, 'aws')?.reasons).toContain('cost 80: 1000.00 a month (cheapest: gcp at 800.00)');
    });

    it('blocks a plan with resources on a cloud that is not targeted, naming the cloud and the resources', () => {
      const result = scoreClouds({ resources: examplePlan('multi-cloud').resources, targetClouds: ['aws', 'azure'] });
      expect(result.verdict).toBe('blocked');
      expect(result.selectedClouds).toEqual([]);
      expect(result.blockers).toEqual([
        'the plan has 5 resource(s) on gcp, which is not a target cloud (targets: aws, azure): google_compute_network.shop, google_container_cluster.shop, google_container_node_pool.default, google_sql_database_instance.orders, google_storage_bucket.assets',
      ]);
      expect(result.scores.map((s) => s.cloud).sort()).toEqual(['aws', 'azure']);
    });

    it('blocks a deletion on a cloud that is not targeted (the saga would act there) but not a data source', () => {
      const resources = [resource('aws_s3_bucket.a', 'us-east-1'), resource('google_storage_bucket.old', 'us-central1', { action: 'delete' }), resource('google_project.p', null, { mode: 'data', action: 'read' })];
      const result = scoreClouds({ resources, targetClouds: ['aws'] });
      expect(result.blockers).toEqual(['the plan has 1 resource(s) on gcp, which is not a target cloud (targets: aws): google_storage_bucket.old']);
      const withoutDelete = scoreClouds({ resources: [resources[0], resources[2]].filter((r) => r !== undefined), targetClouds: ['aws'] });
      expect(withoutDelete.verdict).toBe('passed');
    });
  });

  describe('auto', () => {
    it('selects the clouds the plan is written for and only advises when another cloud scores higher', () => {
      const plan = examplePlan('web-stack');
      const result = scoreClouds({ resources: plan.resources, targetClouds: ['auto'], costByCloud: { aws: '100.00', azure: '110.00', gcp: '50.00' } });
      expect(result.verdict).toBe('passed');
      expect(result.selectedClouds).toEqual(['aws']);
      expect(result.recommendation).toBe('gcp');
      expect(result.scores.map((s) => s.cloud)).toEqual(['gcp', 'aws', 'azure']);
      expect(result.reasons).toContain(
        'gcp scores 100 for this workload, above aws 88 where the plan\'s resources are written: a Terraform plan is provider-bound, so it deploys where its resources are written (advice, not a block)',
      );
    });

    it('gives no advice when the plan’s own cloud is the best', () => {
      const result = scoreClouds({ resources: examplePlan('web-stack').resources, targetClouds: ['auto'], costByCloud: { aws: '50.00', azure: '110.00', gcp: '60.00' } });
      expect(result.recommendation).toBe('aws');
      expect(result.reasons.some((r) => r.includes('advice'))).toBe(false);
    });

    it('leaves a dimension known for some clouds only out of every total, and says so', () => {
      const result = scoreClouds({ resources: examplePlan('web-stack').resources, targetClouds: ['auto'], complianceByCloud: { aws: 10 } });
      expect(scoreOf(result, 'aws')).toMatchObject({ score: 100, dimensions: { compliance: 10 } });
      expect(result.reasons).toContain('compliance is known for aws only: shown, but left out of every total so the scores stay comparable');
    });

    it('still applies the blocking checks', () => {
      const result = scoreClouds({ resources: [resource('aws_s3_bucket.a', 'eu-west-1')], targetClouds: ['auto'], requirements: { residency: ['us'] } });
      expect(result.verdict).toBe('blocked');
      expect(result.blockers).toEqual(['aws_s3_bucket.a is in aws eu-west-1 (eu), outside the required residency (us)']);
    });
  });

  describe('nothing to deploy and non-cloud resources', () => {
    it('blocks a plan without aws, azure or gcp resources', () => {
      const result = scoreClouds({ resources: [resource('random_id.suffix', null), resource('null_resource.hook', null)], targetClouds: ['auto'] });
      expect(result.verdict).toBe('blocked');
      expect(result.blockers).toEqual(['nothing to deploy on aws/azure/gcp: the plan has no resource of those providers (only random_id.suffix, null_resource.hook)']);
      expect(result.recommendation).toBeNull();
      expect(result.selectedClouds).toEqual([]);
      expect(scoreClouds({ resources: [], targetClouds: ['aws'] }).blockers[0]).toMatch(/^nothing to deploy on aws\/azure\/gcp/);
    });

    it('lists non-cloud resources and unknown cloud types without blocking', () => {
      const result = scoreClouds({
        resources: [resource('aws_s3_bucket.a', 'us-east-1'), resource('random_id.suffix', null), resource('tls_private_key.k', null), resource('aws_brand_new_thing.x', 'us-east-1')],
        targetClouds: ['aws'],
      });
      expect(result.verdict).toBe('passed');
      expect(result.reasons).toContain('not a cloud resource (no cloud deploys it): random_id.suffix, tls_private_key.k');
      expect(result.reasons).toContain('resource types outside the service mapping, left out of the services score: aws_brand_new_thing');
      expect(scoreOf(result, 'aws')?.dimensions.services).toBe(100);
    });
  });

  describe('regions and residency', () => {
    it('blocks a region that is not in the cloud’s region table, listing the known ones', () => {
      const result = scoreClouds({ resources: [resource('aws_s3_bucket.a', 'mars-north-1'), resource('aws_sqs_queue.q', 'mars-north-1'), resource('aws_sqs_queue.ok', 'us-east-2')], targetClouds: ['aws'] });
      expect(result.verdict).toBe('blocked');
      expect(result.blockers).toHaveLength(1);
      expect(result.blockers[0]).toMatch(/^region "mars-north-1" is not a known aws region \(known: us-east-1, us-east-2, .*sa-east-1\): aws_s3_bucket.a, aws_sqs_queue.q$/);
      expect(scoreOf(result, 'aws')?.dimensions.regions).toBe(33);
    });

    it('passes resources inside the residency, including a GCP multi-region, and skips global resources', () => {
      const result = scoreClouds({
        resources: [resource('google_storage_bucket.a', 'eu'), resource('google_compute_network.n', null), resource('google_sql_database_instance.db', 'europe-west3'), resource('aws_iam_role.r', null)],
        targetClouds: ['aws', 'gcp'],
        requirements: { residency: ['eu'] },
      });
      expect(result.verdict).toBe('passed');
      expect(result.selectedClouds).toEqual(['aws', 'gcp']);
      expect(scoreOf(result, 'gcp')?.dimensions.regions).toBe(100);
      expect(scoreOf(result, 'aws')?.dimensions.regions).toBe(100);
    });

    it('checks a resource without a region against the provider default region and says it assumed it', () => {
      const result = scoreClouds({ resources: [resource('aws_s3_bucket.a', null)], targetClouds: ['aws'], requirements: { residency: ['eu'] } });
      expect(result.blockers).toEqual(['aws_s3_bucket.a is in aws us-east-1 (no region in the plan: the provider default, us), outside the required residency (eu)']);
      expect(result.reasons).toContain('no region in the plan for aws_s3_bucket.a: assumed the provider default (us-east-1)');
    });

    it('does not check the region of a resource being deleted', () => {
      const result = scoreClouds({ resources: [resource('aws_s3_bucket.new', 'eu-west-1'), resource('aws_s3_bucket.old', 'us-east-1', { action: 'delete' })], targetClouds: ['aws'], requirements: { residency: ['eu'] } });
      expect(result.verdict).toBe('passed');
    });

    it('scores a cloud without a region in the required area at 0 for the regions dimension', () => {
      const result = scoreClouds({ resources: [resource('azurerm_storage_account.a', 'uksouth')], targetClouds: ['auto'], requirements: { residency: ['uk', 'me'] } });
      expect(result.verdict).toBe('passed');
      expect(result.scores.map((s) => [s.cloud, s.dimensions.regions])).toEqual([
        ['azure', 100],
        ['aws', 100],
        ['gcp', 100],
      ]);
      const me = scoreClouds({ resources: [resource('azurerm_storage_account.a', 'uksouth')], targetClouds: ['auto'], requirements: { residency: ['me'] } });
      expect(me.verdict).toBe('blocked');
      expect(me.scores.every((s) => s.dimensions.regions === 0)).toBe(true);
      expect(scoreOf(me, 'aws')?.reasons).toContain('regions 0: 1 of 1 cannot be placed within the required residency (me): azurerm_storage_account.a (no aws region in me)');
    });
  });

  describe('certifications', () => {
    it('passes certifications every target holds and scores them', () => {
      const result = scoreClouds({ resources: examplePlan('multi-cloud').resources, targetClouds: ['aws', 'azure', 'gcp'], requirements: { certifications: ['HIPAA', 'pci-dss', 'soc2'] } });
      expect(result.verdict).toBe('passed');
      expect(result.scores.every((s) => s.dimensions.certifications === 100)).toBe(true);
      expect(scoreOf(result, 'aws')?.reasons).toContain('certifications 100: holds hipaa, pci-dss, soc-2');
    });

    it('blocks an unknown certification, listing the known ones', () => {
      const result = scoreClouds({ resources: [resource('aws_s3_bucket.a', 'us-east-1')], targetClouds: ['aws'], requirements: { certifications: ['moon-base-1'] } });
      expect(result.blockers[0]).toMatch(/^certification "moon-base-1" is not in the certification table, so no cloud can be shown to hold it \(known: hipaa, .*fedramp-high.*\)$/);
      expect(scoreOf(result, 'aws')?.dimensions.certifications).toBe(0);
    });

    it('blocks a region-bound certification for resources outside its country', () => {
      const result = scoreClouds({ resources: [resource('aws_s3_bucket.a', 'eu-west-1'), resource('aws_s3_bucket.b', 'us-east-1')], targetClouds: ['aws'], requirements: { certifications: ['fedramp-high'] } });
      expect(result.blockers).toEqual(['FedRAMP High covers US regions only; on aws: aws_s3_bucket.a (eu-west-1)']);
      expect(scoreOf(result, 'aws')?.dimensions.certifications).toBe(0);
      const inUs = scoreClouds({ resources: [resource('aws_s3_bucket.b', 'us-east-1')], targetClouds: ['aws'], requirements: { certifications: ['fedramp-high'] } });
      expect(inUs.verdict).toBe('passed');
    });
  });

  describe('service availability', () => {
    it('counts a partner offering as half and a missing service as nothing', () => {
      const resources = [resource('aws_neptune_cluster.graph', 'us-east-1'), resource('aws_s3_bucket.a', 'us-east-1'), resource('aws_db_instance.legacy', 'us-east-1', { values: { engine: 'mariadb' } })];
      const result = scoreClouds({ resources, targetClouds: ['auto'] });
      expect(scoreOf(result, 'aws')?.dimensions.services).toBe(100);
      expect(scoreOf(result, 'azure')?.dimensions.services).toBe(67);
      expect(scoreOf(result, 'gcp')?.dimensions.services).toBe(50);
      expect(scoreOf(result, 'gcp')?.reasons[0]).toBe('services 50: graph database only through a partner (Neo4j AuraDB (Marketplace)); no managed MariaDB service');
      expect(result.recommendation).toBe('aws');
    });

    it('recommends nothing that cannot run the workload', () => {
      const result = scoreClouds({ resources: [resource('aws_db_instance.legacy', 'us-east-1', { values: { engine: 'mariadb' } })], targetClouds: ['auto'] });
      expect(result.recommendation).toBe('aws');
      expect(scoreOf(result, 'gcp')?.dimensions.services).toBe(0);
    });
  });

  describe('ties', () => {
    it('prefers the cloud holding more of the plan’s resources, then the cheaper, then aws, azure, gcp order', () => {
      const onAzure = [resource('azurerm_storage_account.a', 'eastus')];
      expect(scoreClouds({ resources: onAzure, targetClouds: ['auto'] }).scores.map((s) => [s.cloud, s.score])).toEqual([
        ['azure', 100],
        ['aws', 100],
        ['gcp', 100],
      ]);
      // aws and gcp tie at 100 (cost 100 and 99.7 both round to a total of 100); azure's cost pulls it down
      const cheaperGcp = scoreClouds({ resources: onAzure, targetClouds: ['auto'], costByCloud: { aws: '100.30', azure: '200.00', gcp: '100.00' } });
      expect(cheaperGcp.scores.map((s) => [s.cloud, s.score])).toEqual([
        ['gcp', 100],
        ['aws', 100],
        ['azure', 88],
      ]);
      expect(cheaperGcp.recommendation).toBe('gcp');
      const sameCost = scoreClouds({ resources: onAzure, targetClouds: ['auto'], costByCloud: { aws: '100.00', azure: '200.00', gcp: '100.00' } });
      expect(sameCost.scores.map((s) => s.cloud)).toEqual(['aws', 'gcp', 'azure']);
    });
  });

  describe('limits', () => {
    it('keeps at most 50 reasons of at most 1024 characters', () => {
      const resources = Array.from({ length: 70 }, (_, i) => resource(`aws_s3_bucket.b${i}`, `nowhere-${i}`));
      const result = scoreClouds({ resources, targetClouds: ['aws'] });
      expect(result.blockers).toHaveLength(70);
      expect(result.reasons).toHaveLength(MAX_REASONS);
      expect(result.reasons[MAX_REASONS - 1]).toBe('… and 22 more reasons');
      expect(result.reasons.every((r) => r.length <= 1024)).toBe(true);
    });
  });

  describe('bad input', () => {
    const ok: ScoreInput = { resources: [resource('aws_s3_bucket.a', 'us-east-1')], targetClouds: ['aws'] };
    it.each<[string, Record<string, unknown>, string]>([
      ['empty targets', { targetClouds: [] }, 'targetClouds: expected ["auto"] or a non-empty list of aws, azure, gcp'],
      ['auto with a cloud', { targetClouds: ['auto', 'aws'] }, 'targetClouds: either ["auto"] or a list of clouds, not both'],
      ['unknown cloud', { targetClouds: ['aws', 'ibm'] }, 'targetClouds[1]: expected aws, azure, gcp or auto, got "ibm"'],
      ['duplicate cloud', { targetClouds: ['aws', 'aws'] }, 'targetClouds[1]: aws is listed twice'],
      ['bad residency', { requirements: { residency: ['us', 'mars'] } }, 'requirements.residency[1]: unknown residency area "mars" (expected one of us, eu, uk, ca, apac, sa, me, af)'],
      ['empty certification', { requirements: { certifications: [''] } }, 'requirements.certifications[0]: expected a certification id such as hipaa or pci-dss'],
      ['bad cost', { costByCloud: { aws: '12,50' } }, 'costByCloud.aws: expected a non-negative decimal string such as "1234.50", got "12,50"'],
      ['cost of a non-cloud', { costByCloud: { ibm: '1.00' } }, 'costByCloud.ibm: not a cloud (expected aws, azure or gcp)'],
      ['compliance out of range', { complianceByCloud: { gcp: 101 } }, 'complianceByCloud.gcp: expected a number from 0 to 100, got 101'],
      ['resources not an array', { resources: 'plan' }, 'resources: expected the array of the parsed plan resources'],
    ])('rejects %s with the field named', (_, patch, message) => {
      const input: unknown = { ...ok, ...patch };
      const call = () => scoreClouds(input as ScoreInput);
      expect(call).toThrow(ScoringInputError);
      expect(call).toThrow(message);
    });
  });
});
