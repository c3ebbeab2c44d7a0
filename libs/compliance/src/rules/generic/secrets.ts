import type { CheckResult, ResourceCheckContext, ResourceRule } from '../../model';
import { fail, notApplicable, pass } from '../common/checks';
import { scanTargets, type ScanTarget } from './scan-values';

/**
 * Hard-coded secrets in attributes that are not meant to hold them. Attributes meant for secrets (RDS `password`,
 * Container Instances `secure_environment_variables`, Cloud Run `value_source.secret_key_ref`, Container Apps
 * `secret`) are left alone: the default-credentials rules judge the values of the password attributes.
 */
const TEXT = (path: string): ScanTarget => ({ path, kind: 'text' });
const MAP = (path: string): ScanTarget => ({ path, kind: 'map' });
const ENV = (path: string): ScanTarget => ({ path, kind: 'env' });
const JSON_DOC = (path: string): ScanTarget => ({ path, kind: 'json' });
const COMPUTED_TEXT = (path: string): ScanTarget => ({ path, kind: 'text', unknownWhenUnset: true });

const AZURE_APP = [MAP('app_settings'), ENV('connection_string'), MAP('tags')];
const AZURE_VM = [TEXT('custom_data'), TEXT('user_data'), MAP('tags')];
const GCE = [MAP('metadata'), TEXT('metadata_startup_script'), MAP('labels')];

/** Resource types and the free-text attributes scanned on each. */
export const SECRET_SCAN_TARGETS: Readonly<Record<string, readonly ScanTarget[]>> = {
  // aws_instance / aws_launch_configuration `user_data` usually appears in plans as its SHA-1 hash (nothing to find);
  // scanned anyway in case a provider version keeps the text
  aws_instance: [COMPUTED_TEXT('user_data'), COMPUTED_TEXT('user_data_base64'), MAP('tags')],
  aws_launch_template: [TEXT('user_data'), MAP('tags')],
  aws_launch_configuration: [COMPUTED_TEXT('user_data'), COMPUTED_TEXT('user_data_base64')],
  aws_lambda_function: [MAP('environment.*.variables'), MAP('tags')],
  aws_ecs_task_definition: [JSON_DOC('container_definitions'), MAP('tags')],
  aws_batch_job_definition: [JSON_DOC('container_properties'), MAP('tags')],
  aws_codebuild_project: [ENV('environment.*.environment_variable'), MAP('tags')],
  aws_elastic_beanstalk_environment: [ENV('setting'), MAP('tags')],
  aws_apprunner_service: [MAP('source_configuration.*.image_repository.*.image_configuration.*.runtime_environment_variables'), MAP('tags')],
  azurerm_linux_web_app: AZURE_APP,
  azurerm_windows_web_app: AZURE_APP,
  azurerm_linux_function_app: AZURE_APP,
  azurerm_windows_function_app: AZURE_APP,
  azurerm_linux_web_app_slot: AZURE_APP,
  azurerm_windows_web_app_slot: AZURE_APP,
  azurerm_linux_function_app_slot: AZURE_APP,
  azurerm_windows_function_app_slot: AZURE_APP,
  azurerm_app_service: AZURE_APP,
  azurerm_function_app: AZURE_APP,
  azurerm_linux_virtual_machine: AZURE_VM,
  azurerm_windows_virtual_machine: AZURE_VM,
  azurerm_linux_virtual_machine_scale_set: AZURE_VM,
  azurerm_windows_virtual_machine_scale_set: AZURE_VM,
  azurerm_container_group: [MAP('container.*.environment_variables'), MAP('tags')],
  azurerm_container_app: [ENV('template.*.container.*.env'), MAP('tags')],
  google_compute_instance: GCE,
  google_compute_instance_template: GCE,
  google_compute_region_instance_template: GCE,
  google_cloud_run_service: [ENV('template.*.spec.*.containers.*.env'), MAP('metadata.*.labels')],
  google_cloud_run_v2_service: [ENV('template.*.containers.*.env'), MAP('labels')],
  google_cloud_run_v2_job: [ENV('template.*.template.*.containers.*.env'), MAP('labels')],
  google_cloudfunctions_function: [MAP('environment_variables'), MAP('build_environment_variables'), MAP('labels')],
  google_cloudfunctions2_function: [MAP('service_config.*.environment_variables'), MAP('build_config.*.environment_variables'), MAP('labels')],
};

const EXPECTED = 'no credentials in user data, environment variables, app settings, metadata or tags (reference a secret store instead)';

export function hardcodedSecretsCheck(ctx: ResourceCheckContext): CheckResult {
  const targets = SECRET_SCAN_TARGETS[ctx.resource.type];
  if (!targets) return notApplicable(`${ctx.resource.type} has no free-text attributes this rule scans`);
  const outcome = scanTargets(ctx.values, targets);
  if (outcome.findings.length > 0) {
    const shown = outcome.findings.slice(0, 3).map((f) => `${f.path}: ${f.what}`);
    const more = outcome.findings.length > 3 ? ` and ${outcome.findings.length - 3} more` : '';
    return fail(`${shown.join('; ')}${more}`, EXPECTED, outcome.findings[0]?.path);
  }
  if (outcome.unknown.length > 0) {
    return { status: 'unknown', found: `${outcome.unknown.join(', ')} known only after apply (not scanned)`, expected: EXPECTED, attribute: outcome.unknown[0] };
  }
  if (outcome.scanned.length === 0) return notApplicable('no user data, environment variables, settings or metadata set');
  return pass(`no secret found in ${outcome.scanned.join(', ')}`, EXPECTED, outcome.scanned[0]);
}

const AKIA = 'AKIAZ7EXAMPLEKEY0001';
const PEM = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----';
const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

export const SECRET_RULES: readonly ResourceRule[] = [
  {
    id: 'CW-GEN-0006',
    scope: 'resource',
    title: 'No secrets hard-coded in user data, environment variables, app settings or metadata',
    description:
      'User data, instance metadata, environment variables, app settings and tags are readable by anyone who can describe the resource, are logged, and land in the Terraform state in clear text. Credentials there leak; they belong in a secret store.',
    category: 'identity-access',
    severity: 'high',
    clouds: ['aws', 'azure', 'gcp'],
    resourceTypes: Object.keys(SECRET_SCAN_TARGETS),
    controls: ['bp.hardcoded-secrets', 'iam.default-credentials'],
    check: hardcodedSecretsCheck,
    remediation: {
      text: 'Move the credential to a secret store and pass a reference: AWS Secrets Manager / SSM Parameter Store (ECS `secrets`, Lambda reading at start-up), Azure Key Vault references in app settings, GCP Secret Manager (`value_source.secret_key_ref` on Cloud Run, `secret_environment_variables` on Cloud Functions). Rotate the exposed credential.',
      terraform: [
        '# ECS: container_definitions',
        'secrets = [{ name = "DB_PASSWORD", valueFrom = aws_secretsmanager_secret.db.arn }]',
        '# Azure app settings: Key Vault reference',
        'app_settings = { DB_PASSWORD = "@Microsoft.KeyVault(SecretUri=${azurerm_key_vault_secret.db.versionless_id})" }',
        '# Cloud Run v2',
        'env {\n  name = "DB_PASSWORD"\n  value_source {\n    secret_key_ref {\n      secret  = google_secret_manager_secret.db.secret_id\n      version = "latest"\n    }\n  }\n}',
      ].join('\n'),
      bicep: "appSettings: [\n  { name: 'DB_PASSWORD', value: '@Microsoft.KeyVault(SecretUri=${secret.properties.secretUri})' }\n]",
      effort: 'medium',
    },
    references: [
      'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html',
      'https://learn.microsoft.com/azure/app-service/app-service-key-vault-references',
      'https://cloud.google.com/run/docs/configuring/services/secrets',
      'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/user-data.html',
    ],
    peers: { checkov: ['CKV_AWS_46', 'CKV_AWS_45'] },
    differs:
      'Plans usually show aws_instance / aws_launch_configuration user_data only as its SHA-1 hash, which cannot be scanned: user_data_base64 and launch template user_data are. These attributes are unknown whenever unset, so an unknown value there is not reported. Base64 (and gzip) user data is decoded before scanning; values that are references to a secret store (Key Vault references, Secrets Manager/SSM ARNs, ${…} placeholders) are not findings; the secret itself is never shown in results, only the attribute and a masked hint.',
    fixtures: {
      pass: [
        { type: 'aws_instance', values: { user_data_base64: b64('#!/bin/bash\nexport DB_PASSWORD=$(aws ssm get-parameter --name /db/pw --with-decryption --query Parameter.Value --output text)\n') } },
        { type: 'aws_lambda_function', values: { environment: [{ variables: { DB_PASSWORD_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db', LOG_LEVEL: 'info' } }] } },
        { type: 'azurerm_linux_web_app', values: { app_settings: { DB_PASSWORD: '@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/db/)' } } },
      ],
      fail: [
        { type: 'aws_instance', values: { user_data_base64: b64(`#!/bin/bash\nexport AWS_ACCESS_KEY_ID=${AKIA}\n`) }, note: 'AWS key in base64 user data' },
        { type: 'aws_lambda_function', values: { environment: [{ variables: { DB_PASSWORD: 'hunter2-prod' } }] } },
        {
          type: 'aws_ecs_task_definition',
          values: { container_definitions: JSON.stringify([{ name: 'app', image: 'nginx', environment: [{ name: 'API_TOKEN', value: 'tok-8f3a9c2d1e' }] }]) },
        },
        { type: 'azurerm_linux_function_app', values: { app_settings: { STORAGE: 'DefaultEndpointsProtocol=https;AccountName=sa;AccountKey=c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0;EndpointSuffix=core.windows.net' } } },
        {
          type: 'azurerm_windows_web_app',
          values: { connection_string: [{ name: 'Db', type: 'SQLAzure', value: 'Server=tcp:db.database.windows.net;Database=app;User ID=app;Password=Hunter2-prod;' }] },
          note: 'literal password in a connection string',
        },
        { type: 'google_compute_instance', values: { metadata: { 'startup-script': `cat > /etc/key.pem <<EOF\n${PEM}\nEOF` } } },
        { type: 'google_cloud_run_v2_service', values: { template: [{ containers: [{ image: 'gcr.io/p/app', env: [{ name: 'SLACK_TOKEN', value: 'xoxb-1234567890-abcdefghij' }] }] }] } },
      ],
      unknown: [{ type: 'aws_launch_template', values: {}, unknown: { user_data: true } }],
      notApplicable: [
        { type: 'aws_instance', values: { ami: 'ami-123', user_data: null } },
        { type: 'aws_instance', values: { ami: 'ami-123' }, unknown: { user_data: true, user_data_base64: true }, note: 'computed when unset' },
      ],
    },
  },
];
