import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parsePlanText } from '@cloudwright/terraform-plan';
import { RuleIndex, evaluateRules, type RuleResult } from '../../engine/evaluate';
import { ResourceSet, resourcesFromPlan } from '../../engine/resource-set';
import { AWS_RULES } from './index';

/**
 * Smoke check of the AWS rules on real `terraform show -json` plans (Terraform 0.12 to 1.9, provider v3 to v5) from
 * the shared data folder next to the repository: no rule throws, and verdicts checked by reading the plans hold.
 */
const DIR = path.resolve(__dirname, '../../../../../../shared/data/terraform-plans');

const cache = new Map<string, RuleResult[]>();
function evaluate(file: string): RuleResult[] {
  let results = cache.get(file);
  if (!results) {
    const plan = parsePlanText(readFileSync(path.join(DIR, file), 'utf8'));
    results = evaluateRules(new ResourceSet(resourcesFromPlan(plan).resources), new RuleIndex(AWS_RULES), {});
    cache.set(file, results);
  }
  return results;
}

/** [plan, rule, resource address, verdict]: each one read off the plan by hand. */
const VERDICTS: readonly [string, string, string, RuleResult['status']][] = [
  // terragoat-style plan: deliberately insecure resources (provider v3, inline S3 blocks)
  ['aws-55-resources-tf0.12.json', 'CW-AWS-0003', 'aws_s3_bucket.data', 'fail'], // acl = "public-read"
  ['aws-55-resources-tf0.12.json', 'CW-AWS-0003', 'aws_s3_bucket.financials', 'pass'], // acl = "private"
  ['aws-55-resources-tf0.12.json', 'CW-AWS-0005', 'aws_s3_bucket.logs', 'pass'], // inline sse_algorithm = "aws:kms"
  ['aws-55-resources-tf0.12.json', 'CW-AWS-0006', 'aws_s3_bucket.operations', 'pass'], // inline versioning enabled
  ['aws-55-resources-tf0.12.json', 'CW-AWS-0006', 'aws_s3_bucket.financials', 'fail'], // no versioning
  ['aws-55-resources-tf0.12.json', 'CW-AWS-0007', 'aws_s3_bucket.data_science', 'pass'], // inline logging to the logs bucket
  ['aws-55-resources-tf0.12.json', 'CW-AWS-0007', 'aws_s3_bucket.logs', 'not-applicable'], // it is that log target
  ['aws-55-resources-tf0.12.json', 'CW-AWS-0018', 'aws_security_group.web-node', 'fail'], // 22 from 0.0.0.0/0
  ['aws-55-resources-tf0.12.json', 'CW-AWS-0019', 'aws_security_group_rule.ingress', 'pass'], // 3306 from 172.16.0.0/16 only
  ['aws-55-resources-tf0.12.json', 'CW-AWS-0023', 'aws_security_group_rule.egress', 'fail'], // all egress to 0.0.0.0/0
  ['aws-55-resources-tf0.12.json', 'CW-AWS-0018', 'aws_security_group.default', 'not-applicable'], // no inline rules
  ['aws-55-resources-tf0.12.json', 'CW-AWS-0022', 'aws_vpc.web_vpc', 'pass'], // aws_flow_log.vpcflowlogs
  ['aws-55-resources-tf0.12.json', 'CW-AWS-0022', 'aws_vpc.eks_vpc', 'fail'], // no flow log
  ['aws-55-resources-tf0.12.json', 'CW-AWS-0001', 'aws_db_instance.default', 'fail'], // storage_encrypted = false
  ['aws-55-resources-tf0.12.json', 'CW-AWS-0044', 'aws_db_instance.default', 'fail'], // publicly_accessible = true
  ['aws-55-resources-tf0.12.json', 'CW-AWS-0045', 'aws_db_instance.default', 'fail'], // backup_retention_period = 0
  ['aws-55-resources-tf0.12.json', 'CW-AWS-0071', 'aws_neptune_cluster.default', 'fail'], // storage_encrypted = false
  ['aws-55-resources-tf0.12.json', 'CW-AWS-0034', 'aws_kms_key.logs_key', 'fail'], // symmetric, enable_key_rotation = false
  ['aws-55-resources-tf0.12.json', 'CW-AWS-0027', 'aws_iam_user_policy.userpolicy', 'fail'], // ec2:*, s3:*, lambda:*, cloudwatch:*
  ['aws-55-resources-tf0.12.json', 'CW-AWS-0026', 'aws_iam_user_policy.userpolicy', 'pass'], // no "*" action
  ['aws-55-resources-tf0.12.json', 'CW-AWS-0028', 'aws_iam_user_policy.userpolicy', 'fail'], // inline policy on a user
  ['aws-55-resources-tf0.12.json', 'CW-AWS-0029', 'aws_iam_access_key.user', 'fail'],
  ['aws-55-resources-tf0.12.json', 'CW-AWS-0058', 'aws_elb.weblb', 'fail'], // lb_protocol = "http"
  ['aws-55-resources-tf0.12.json', 'CW-AWS-0059', 'aws_elb.weblb', 'fail'], // access_logs = []
  ['aws-55-resources-tf0.12.json', 'CW-AWS-0082', 'aws_eks_cluster.eks_cluster', 'fail'], // encryption_config = []
  ['aws-55-resources-tf0.12.json', 'CW-AWS-0081', 'aws_eks_cluster.eks_cluster', 'unknown'], // public, CIDRs computed
  ['aws-55-resources-tf0.12.json', 'CW-AWS-0084', 'aws_ecr_repository.repository', 'fail'], // no scan on push
  ['aws-55-resources-tf0.12.json', 'CW-AWS-0015', 'aws_instance.web_host', 'fail'], // subnet maps public IPs
  ['aws-55-resources-tf0.12.json', 'CW-AWS-0017', 'aws_instance.db_app', 'pass'], // instance profile
  ['aws-55-resources-tf0.12.json', 'CW-AWS-0017', 'aws_instance.web_host', 'fail'],
  ['aws-55-resources-tf0.12.json', 'CW-AWS-0090', 'aws_instance.web_host', 'fail'], // t2.nano
  ['aws-55-resources-tf0.12.json', 'CW-AWS-0080', 'aws_lambda_function.analysis_lambda', 'fail'], // nodejs12.x
  ['aws-55-resources-tf0.12.json', 'CW-AWS-0011', 'aws_ebs_volume.web_host_storage', 'unknown'], // encrypted computed
  ['aws-55-resources-tf0.12.json', 'CW-AWS-0072', 'aws_elasticsearch_domain.monitoring-framework', 'unknown'], // encrypt_at_rest computed
  // provider v4+ companions across modules
  ['aws-nested-modules-connections-tf1.2.json', 'CW-AWS-0002', 'aws_s3_bucket.root_bucket', 'pass'],
  ['aws-nested-modules-connections-tf1.2.json', 'CW-AWS-0002', 'module.s3_bucket.aws_s3_bucket.this[0]', 'fail'], // all four flags false
  ['aws-nested-modules-connections-tf1.2.json', 'CW-AWS-0003', 'module.s3_bucket.aws_s3_bucket.this[0]', 'fail'], // aws_s3_bucket_acl public-read-write
  ['aws-nested-modules-connections-tf1.2.json', 'CW-AWS-0003', 'module.s3_module.module.s3_submodule.aws_s3_bucket.submodule_bucket', 'pass'],
  ['aws-s3-sg-variables-tf1.0.json', 'CW-AWS-0005', 'aws_s3_bucket.planbucket', 'fail'], // companion with AES256 only
  ['aws-s3-sg-variables-tf1.0.json', 'CW-AWS-0007', 'aws_s3_bucket.planbucket', 'pass'], // inline logging
  ['aws-s3-sg-variables-tf1.0.json', 'CW-AWS-0018', 'aws_security_group.sg', 'pass'], // only port 80 open
  ['aws-for-each-modules-tf1.9.json', 'CW-AWS-0020', 'module.sg["bad_example"].aws_security_group.bad', 'fail'], // protocol -1 from 0.0.0.0/0
  ['aws-drift-noop-tf1.0.json', 'CW-AWS-0009', 'aws_instance.ec2', 'fail'], // http_tokens = "optional"
  ['aws-drift-noop-tf1.0.json', 'CW-AWS-0011', 'aws_ebs_volume.storage', 'fail'], // encrypted = false
  ['aws-drift-noop-tf1.0.json', 'CW-AWS-0092', 'aws_ebs_volume.storage', 'fail'], // gp2
  ['aws-nested-modules-create-update-noop-tf0.14.json', 'CW-AWS-0045', 'module.db.module.db_1.module.db_instance.aws_db_instance.this[0]', 'fail'], // replicate_source_db = "" is no replica; retention 0
  ['aws-nested-modules-create-update-noop-tf0.14.json', 'CW-AWS-0048', 'module.db.module.db_2.module.db_instance.aws_db_instance.this[0]', 'pass'], // IAM auth on mysql
  ['aws-data-sources-oidc-tf1.5.json', 'CW-AWS-0033', 'module.poc.aws_iam_role.r1["p1"]', 'unknown'], // trust policy from a data source read at apply
  ['aws-data-sources-oidc-tf1.5.json', 'CW-AWS-0027', 'module.poc.aws_iam_role.r1["p1"]', 'pass'], // inline s3:ListBucket only
];

describe('AWS rules on real Terraform plans', () => {
  if (!existsSync(DIR)) {
    it('reports that the shared plan data is missing', () => {
      console.warn(`AWS real-plan smoke check not run: ${DIR} does not exist`);
    });
    return;
  }

  const files = readdirSync(DIR).filter((f) => /^aws-.*\.json$/.test(f)).sort();

  it('finds the AWS plans', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s: every AWS rule evaluates without throwing and explains its failures', (file) => {
    const results = evaluate(file);
    expect(results.length).toBeGreaterThan(0);
    const silent = results.filter((r) => r.status === 'fail' && (!r.found || !r.expected)).map((r) => `${r.rule.id} ${r.resource?.address ?? ''}`);
    expect(silent).toEqual([]);
  });

  it.each(VERDICTS)('%s: %s on %s is %s', (file, ruleId, address, status) => {
    const result = evaluate(file).find((r) => r.rule.id === ruleId && r.resource?.address === address);
    expect(result ? `${result.status}: ${result.found ?? ''}` : 'no result').toMatch(new RegExp(`^${status}:`));
  });
});
