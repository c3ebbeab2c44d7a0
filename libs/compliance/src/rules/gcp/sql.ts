import type { AttrValue, ResourceValues } from '@cloudwright/terraform-plan';
import type { ResourceCheckContext, ResourceRule } from '../../model';
import { attrEquals, attrSet, fail, isNonEmpty, onlyIf, pass, show, unknown, type ResourceCheck } from '../common/checks';
import { isInternetSource } from '../common/network';
import { REGISTRY, gcpRule } from './helpers';

const SQL = 'google_sql_database_instance';
const SQL_DOC = `${REGISTRY}/sql_database_instance`;
const IP = 'settings.0.ip_configuration.0';
const BACKUP = 'settings.0.backup_configuration.0';

type Engine = 'postgres' | 'mysql' | 'sqlserver' | 'other';

function engineOf(values: ResourceValues): Engine | 'unknown' {
  const version = values.get('database_version');
  if (version.state === 'unknown') return 'unknown';
  const text = version.state === 'known' ? String(version.value).toUpperCase() : '';
  if (text.startsWith('POSTGRES')) return 'postgres';
  if (text.startsWith('MYSQL')) return 'mysql';
  if (text.startsWith('SQLSERVER')) return 'sqlserver';
  return 'other';
}

function engineIs(...engines: readonly Engine[]): (ctx: ResourceCheckContext) => boolean | 'unknown' {
  return (ctx) => {
    const engine = engineOf(ctx.values);
    return engine === 'unknown' ? 'unknown' : engines.includes(engine);
  };
}

/**
 * Read replicas: master_instance_name set, or instance_type READ_REPLICA_INSTANCE. master_instance_name is computed
 * for primaries too, so an unknown value only makes the instance a possible replica when it refers to another
 * Cloud SQL instance of the plan.
 */
function isReplica(ctx: ResourceCheckContext): boolean | 'unknown' {
  const master = ctx.values.get('master_instance_name');
  if (master.state === 'known' && isNonEmpty(master.value)) return true;
  const type = ctx.values.get('instance_type');
  if (type.state === 'known' && String(type.value).toUpperCase() === 'READ_REPLICA_INSTANCE') return true;
  if (master.state === 'unknown' && ctx.referenced(SQL).length > 0) return 'unknown';
  return false;
}

const primaryOnly = (ctx: ResourceCheckContext): boolean | 'unknown' => {
  const replica = isReplica(ctx);
  return replica === 'unknown' ? 'unknown' : !replica;
};

const primaryWithEngine =
  (...engines: readonly Engine[]) =>
  (ctx: ResourceCheckContext): boolean | 'unknown' => {
    const primary = primaryOnly(ctx);
    const engine = engineIs(...engines)(ctx);
    if (primary === false || engine === false) return false;
    return primary === 'unknown' || engine === 'unknown' ? 'unknown' : true;
  };

/** The value of a database flag (settings.database_flags), absent when the flag is not set. */
function dbFlag(values: ResourceValues, name: string): AttrValue {
  const flags = values.get('settings.0.database_flags');
  if (flags.state === 'unknown') return { state: 'unknown' };
  const blocks = values.blocks('settings.0.database_flags');
  let sawUnknown = false;
  for (let i = 0; i < blocks.length; i++) {
    const flagName = values.get(['settings', 0, 'database_flags', i, 'name']);
    if (flagName.state === 'unknown') sawUnknown = true;
    else if (flagName.state === 'known' && String(flagName.value).toLowerCase() === name) return values.get(['settings', 0, 'database_flags', i, 'value']);
  }
  return sawUnknown ? { state: 'unknown' } : { state: 'absent' };
}

/** Every flag must have the value `on` (Postgres defaults are `off`). */
function flagsOn(...names: readonly string[]): ResourceCheck {
  const expected = names.map((n) => `${n} = on`).join(' and ');
  return (ctx) => {
    const found: string[] = [];
    for (const name of names) {
      const v = dbFlag(ctx.values, name);
      if (v.state === 'unknown') return unknown(`settings.database_flags ${name}`, expected);
      if (v.state === 'absent') return fail(`database flag ${name} not set (default off)`, expected, 'settings.0.database_flags');
      if (String(v.value).toLowerCase() !== 'on') return fail(`database flag ${name} = ${show(v.value)}`, expected, 'settings.0.database_flags');
      found.push(`${name} = ${show(v.value)}`);
    }
    return pass(found.join(', '), expected, 'settings.0.database_flags');
  };
}

/** The flag must not be `on` (absent = the engine default, off). */
function flagOff(name: string): ResourceCheck {
  const expected = `${name} = off`;
  return (ctx) => {
    const v = dbFlag(ctx.values, name);
    if (v.state === 'unknown') return unknown(`settings.database_flags ${name}`, expected);
    if (v.state === 'absent') return pass(`database flag ${name} not set (default off)`, expected, 'settings.0.database_flags');
    return String(v.value).toLowerCase() === 'on'
      ? fail(`database flag ${name} = ${show(v.value)}`, expected, 'settings.0.database_flags')
      : pass(`database flag ${name} = ${show(v.value)}`, expected, 'settings.0.database_flags');
  };
}

const GOOD_SSL_MODES = new Set(['ENCRYPTED_ONLY', 'TRUSTED_CLIENT_CERTIFICATE_REQUIRED']);

const requireSsl: ResourceCheck = (ctx) => {
  const expected = 'ssl_mode = "ENCRYPTED_ONLY" or "TRUSTED_CLIENT_CERTIFICATE_REQUIRED" (provider < 6: require_ssl = true)';
  const mode = ctx.values.get(`${IP}.ssl_mode`);
  const required = ctx.values.get(`${IP}.require_ssl`);
  if (mode.state === 'known' && GOOD_SSL_MODES.has(String(mode.value).toUpperCase())) return pass(`ip_configuration.ssl_mode = ${show(mode.value)}`, expected, `${IP}.ssl_mode`);
  if (required.state === 'known' && (required.value === true || required.value === 'true')) return pass('ip_configuration.require_ssl = true', expected, `${IP}.require_ssl`);
  if (mode.state === 'unknown') return unknown(`${IP}.ssl_mode`, expected);
  if (required.state === 'unknown') return unknown(`${IP}.require_ssl`, expected);
  if (mode.state === 'known' && isNonEmpty(mode.value)) return fail(`ip_configuration.ssl_mode = ${show(mode.value)}`, expected, `${IP}.ssl_mode`);
  if (required.state === 'known') return fail(`ip_configuration.require_ssl = ${show(required.value)}`, expected, `${IP}.require_ssl`);
  return fail('neither ssl_mode nor require_ssl set (unencrypted connections accepted)', expected, `${IP}.ssl_mode`);
};

const noWorldAuthorizedNetwork: ResourceCheck = (ctx) => {
  const expected = 'no authorized network 0.0.0.0/0 on a public IP';
  const ipv4 = ctx.values.get(`${IP}.ipv4_enabled`);
  if (ipv4.state === 'known' && (ipv4.value === false || ipv4.value === 'false')) return pass('ipv4_enabled = false (no public IP)', expected, `${IP}.ipv4_enabled`);
  if (ctx.values.get(`${IP}.authorized_networks`).state === 'unknown') return unknown(`${IP}.authorized_networks`, expected);
  const networks = ctx.values.blocks(`${IP}.authorized_networks`);
  const seen: unknown[] = [];
  for (let i = 0; i < networks.length; i++) {
    const value = ctx.values.get(['settings', 0, 'ip_configuration', 0, 'authorized_networks', i, 'value']);
    if (value.state === 'unknown') return unknown(`${IP}.authorized_networks.${i}.value`, expected);
    if (value.state !== 'known') continue;
    seen.push(value.value);
    if (isInternetSource(value.value) || (typeof value.value === 'string' && value.value.trim().endsWith('/0'))) {
      if (ipv4.state === 'unknown') return unknown(`${IP}.ipv4_enabled`, expected);
      return fail(`authorized_networks includes ${show(value.value)}`, expected, `${IP}.authorized_networks`);
    }
  }
  return pass(seen.length === 0 ? 'no authorized networks' : `authorized_networks = ${show(seen)}`, expected, `${IP}.authorized_networks`);
};

const pointInTimeRecovery: ResourceCheck = (ctx) => {
  const engine = engineOf(ctx.values);
  if (engine === 'mysql') return attrEquals(`${BACKUP}.binary_log_enabled`, true, { default: false })(ctx);
  return attrEquals(`${BACKUP}.point_in_time_recovery_enabled`, true, { default: false })(ctx);
};

const deletionProtection: ResourceCheck = (ctx) => {
  const expected = 'deletion_protection = true (Terraform) or settings.deletion_protection_enabled = true (API)';
  const tf = ctx.values.get('deletion_protection');
  const api = ctx.values.get('settings.0.deletion_protection_enabled');
  if (api.state === 'known' && (api.value === true || api.value === 'true')) return pass('settings.deletion_protection_enabled = true', expected, 'settings.0.deletion_protection_enabled');
  if (tf.state === 'absent') return pass('deletion_protection not set (provider default true)', expected, 'deletion_protection');
  if (tf.state === 'known' && (tf.value === true || tf.value === 'true')) return pass('deletion_protection = true', expected, 'deletion_protection');
  if (tf.state === 'unknown') return unknown('deletion_protection', expected);
  if (api.state === 'unknown') return unknown('settings.0.deletion_protection_enabled', expected);
  return fail(`deletion_protection = ${show(tf.value)} and settings.deletion_protection_enabled not true`, expected, 'deletion_protection');
};

const PG = 'POSTGRES_15';
const settings = (extra: Record<string, unknown>): Record<string, unknown>[] => [{ tier: 'db-custom-2-7680', ...extra }];

export const GCP_SQL_RULES: readonly ResourceRule[] = [
  gcpRule({
    id: 'CW-GCP-0054',
    title: 'Cloud SQL instances accept encrypted connections only',
    description: 'Without enforced TLS, clients may connect in plaintext and credentials and query results cross the network unencrypted.',
    category: 'encryption-in-transit',
    severity: 'high',
    resourceTypes: [SQL],
    controls: ['eit.database'],
    check: requireSsl,
    remediation: {
      text: 'Set settings.ip_configuration.ssl_mode = "ENCRYPTED_ONLY" (or TRUSTED_CLIENT_CERTIFICATE_REQUIRED); on provider versions before 6 require_ssl = true has the same effect. The Cloud SQL Auth Proxy and connectors encrypt anyway.',
      terraform: 'settings {\n  ip_configuration {\n    ssl_mode = "ENCRYPTED_ONLY"\n  }\n}',
      effort: 'low',
    },
    references: [SQL_DOC, 'https://cloud.google.com/sql/docs/postgres/configure-ssl-instance'],
    peers: { checkov: ['CKV_GCP_6'] },
    differs: 'Reads the renamed attribute: ssl_mode (provider 5+) and require_ssl (removed in provider 6); either one enforcing TLS passes.',
    fixtures: {
      pass: [
        { values: { name: 'db', database_version: PG, settings: settings({ ip_configuration: [{ ssl_mode: 'ENCRYPTED_ONLY' }] }) } },
        { values: { name: 'db', database_version: PG, settings: settings({ ip_configuration: [{ require_ssl: true }] }) }, note: 'provider < 6' },
        { values: { name: 'db', database_version: PG, settings: settings({ ip_configuration: [{ ssl_mode: 'TRUSTED_CLIENT_CERTIFICATE_REQUIRED', require_ssl: false }] }) } },
      ],
      fail: [
        { values: { name: 'db', database_version: PG, settings: settings({ ip_configuration: [{ ssl_mode: 'ALLOW_UNENCRYPTED_AND_ENCRYPTED' }] }) } },
        { values: { name: 'db', database_version: PG, settings: settings({ ip_configuration: [{ require_ssl: false }] }) } },
        { values: { name: 'db', database_version: PG, settings: settings({}) }, note: 'nothing set' },
      ],
      unknown: [{ values: { name: 'db', database_version: PG, settings: settings({ ip_configuration: [{ require_ssl: false }] }) }, unknown: { settings: [{ ip_configuration: [{ ssl_mode: true }] }] } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0055',
    title: 'Cloud SQL instances are not open to the whole internet',
    description: 'An authorized network of 0.0.0.0/0 lets any address on the internet connect to the database\'s public IP, leaving only the database password between attackers and the data.',
    category: 'public-access',
    severity: 'critical',
    resourceTypes: [SQL],
    controls: ['pub.database', 'pub.authorized-networks', 'net.database-ports'],
    check: noWorldAuthorizedNetwork,
    remediation: {
      text: 'Remove 0.0.0.0/0 from authorized_networks; connect through private IP or the Cloud SQL Auth Proxy, or list only the client networks.',
      terraform: 'settings {\n  ip_configuration {\n    ipv4_enabled    = false\n    private_network = google_compute_network.vpc.id\n  }\n}',
      effort: 'medium',
    },
    references: [SQL_DOC, 'https://cloud.google.com/sql/docs/postgres/authorize-networks'],
    peers: { checkov: ['CKV_GCP_11'] },
    fixtures: {
      pass: [
        { values: { name: 'db', database_version: PG, settings: settings({ ip_configuration: [{ ipv4_enabled: true, authorized_networks: [{ name: 'office', value: '203.0.113.0/24' }] }] }) } },
        { values: { name: 'db', database_version: PG, settings: settings({ ip_configuration: [{ ipv4_enabled: false, authorized_networks: [{ name: 'all', value: '0.0.0.0/0' }] }] }) }, note: 'no public IP' },
      ],
      fail: [{ values: { name: 'db', database_version: PG, settings: settings({ ip_configuration: [{ ipv4_enabled: true, authorized_networks: [{ name: 'all', value: '0.0.0.0/0' }] }] }) } }],
      unknown: [{ values: { name: 'db', database_version: PG, settings: settings({ ip_configuration: [{ ipv4_enabled: true }] }) }, unknown: { settings: [{ ip_configuration: [{ authorized_networks: true }] }] } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0056',
    title: 'Cloud SQL instances have no public IP address',
    description: 'A public IP makes the instance reachable from the internet (subject to authorized networks); private IP keeps database traffic inside the VPC.',
    category: 'public-access',
    severity: 'medium',
    resourceTypes: [SQL],
    controls: ['pub.database', 'net.private-endpoint'],
    check: attrEquals(`${IP}.ipv4_enabled`, false, { default: true }),
    remediation: {
      text: 'Set ipv4_enabled = false and private_network to the VPC (Private Service Access), or use Private Service Connect.',
      terraform: 'settings {\n  ip_configuration {\n    ipv4_enabled    = false\n    private_network = google_compute_network.vpc.id\n  }\n}',
      effort: 'medium',
    },
    references: [SQL_DOC, 'https://cloud.google.com/sql/docs/postgres/configure-private-ip'],
    differs: 'All engines (Checkov CKV_GCP_60 checks SQL Server only); ipv4_enabled unset means the provider default, a public IP.',
    fixtures: {
      pass: [{ values: { name: 'db', database_version: PG, settings: settings({ ip_configuration: [{ ipv4_enabled: false, private_network: 'vpc' }] }) } }],
      fail: [{ values: { name: 'db', database_version: PG, settings: settings({ ip_configuration: [{ ipv4_enabled: true }] }) } }, { values: { name: 'db', database_version: PG, settings: settings({}) } }],
      unknown: [{ values: { name: 'db', database_version: PG, settings: settings({ ip_configuration: [{}] }) }, unknown: { settings: [{ ip_configuration: [{ ipv4_enabled: true }] }] } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0057',
    title: 'Cloud SQL instances have automated backups',
    description: 'Automated daily backups are the way to recover a Cloud SQL instance after data loss or corruption; they are off unless enabled.',
    category: 'backup-recovery',
    severity: 'medium',
    resourceTypes: [SQL],
    controls: ['bkp.enabled'],
    check: onlyIf(primaryOnly, 'read replicas are not backed up', attrEquals(`${BACKUP}.enabled`, true, { default: false })),
    remediation: {
      text: 'Add settings.backup_configuration with enabled = true (and a retention that meets policy).',
      terraform: 'settings {\n  backup_configuration {\n    enabled    = true\n    start_time = "02:00"\n    backup_retention_settings {\n      retained_backups = 14\n    }\n  }\n}',
      effort: 'low',
    },
    references: [SQL_DOC, 'https://cloud.google.com/sql/docs/postgres/backup-recovery/backups'],
    peers: { checkov: ['CKV_GCP_14'] },
    differs: 'Read replicas (master_instance_name set) are not applicable: Cloud SQL does not back up replicas.',
    fixtures: {
      pass: [{ values: { name: 'db', database_version: PG, settings: settings({ backup_configuration: [{ enabled: true }] }) } }],
      fail: [{ values: { name: 'db', database_version: PG, settings: settings({ backup_configuration: [{ enabled: false }] }) } }, { values: { name: 'db', database_version: PG, settings: settings({}) } }],
      unknown: [{ values: { name: 'db', database_version: PG, settings: settings({ backup_configuration: [{}] }) }, unknown: { settings: [{ backup_configuration: [{ enabled: true }] }] } }],
      notApplicable: [{ values: { name: 'db-replica', database_version: PG, master_instance_name: 'db', settings: settings({}) } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0058',
    title: 'Cloud SQL instances support point-in-time recovery',
    description: 'Point-in-time recovery (transaction logs for PostgreSQL and SQL Server, binary logs for MySQL) restores the database to the moment before a bad change, not just to the last nightly backup.',
    category: 'backup-recovery',
    severity: 'medium',
    resourceTypes: [SQL],
    controls: ['bkp.point-in-time'],
    check: onlyIf(primaryWithEngine('postgres', 'mysql', 'sqlserver'), 'read replica or engine without point-in-time recovery', pointInTimeRecovery),
    remediation: {
      text: 'PostgreSQL / SQL Server: backup_configuration.point_in_time_recovery_enabled = true. MySQL: backup_configuration.binary_log_enabled = true.',
      terraform: 'settings {\n  backup_configuration {\n    enabled                        = true\n    point_in_time_recovery_enabled = true # MySQL: binary_log_enabled = true\n  }\n}',
      effort: 'low',
    },
    references: [SQL_DOC, 'https://cloud.google.com/sql/docs/postgres/backup-recovery/pitr'],
    fixtures: {
      pass: [
        { values: { name: 'db', database_version: PG, settings: settings({ backup_configuration: [{ enabled: true, point_in_time_recovery_enabled: true }] }) } },
        { values: { name: 'db', database_version: 'MYSQL_8_0', settings: settings({ backup_configuration: [{ enabled: true, binary_log_enabled: true }] }) } },
      ],
      fail: [
        { values: { name: 'db', database_version: PG, settings: settings({ backup_configuration: [{ enabled: true, point_in_time_recovery_enabled: false }] }) } },
        { values: { name: 'db', database_version: 'MYSQL_8_0', settings: settings({ backup_configuration: [{ enabled: true }] }) } },
      ],
      unknown: [{ values: { name: 'db', settings: settings({}) }, unknown: { database_version: true } }],
      notApplicable: [{ values: { name: 'db-replica', database_version: PG, master_instance_name: 'db', settings: settings({}) } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0059',
    title: 'Cloud SQL instances are highly available',
    description: 'REGIONAL availability keeps a standby in a second zone with synchronous replication and fails over automatically; a ZONAL instance is down for as long as its zone is.',
    category: 'reliability',
    severity: 'low',
    resourceTypes: [SQL],
    controls: ['rel.multi-az'],
    check: onlyIf(primaryOnly, 'read replicas', attrEquals('settings.0.availability_type', 'REGIONAL', { default: 'ZONAL' })),
    remediation: { text: 'Set settings.availability_type = "REGIONAL" for production databases (it doubles the instance cost).', terraform: 'settings {\n  availability_type = "REGIONAL"\n}', effort: 'low' },
    references: [SQL_DOC, 'https://cloud.google.com/sql/docs/postgres/high-availability'],
    differs: 'Low severity: zonal instances are a reasonable choice outside production; waive the rule for those.',
    fixtures: {
      pass: [{ values: { name: 'db', database_version: PG, settings: settings({ availability_type: 'REGIONAL' }) } }],
      fail: [{ values: { name: 'db', database_version: PG, settings: settings({ availability_type: 'ZONAL' }) } }],
      unknown: [{ values: { name: 'db', database_version: PG, settings: settings({}) }, unknown: { settings: [{ availability_type: true }] } }],
      notApplicable: [{ values: { name: 'db-replica', database_version: PG, instance_type: 'READ_REPLICA_INSTANCE', settings: settings({}) } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0060',
    title: 'Cloud SQL instances are protected against deletion',
    description: 'Deletion protection stops a terraform destroy (deletion_protection) or a console/API delete (deletion_protection_enabled) from removing the instance and its backups by mistake.',
    category: 'backup-recovery',
    severity: 'low',
    resourceTypes: [SQL],
    controls: ['bkp.deletion-protection'],
    check: deletionProtection,
    remediation: {
      text: 'Keep deletion_protection = true (provider default) and set settings.deletion_protection_enabled = true for protection outside Terraform.',
      terraform: 'deletion_protection = true\nsettings {\n  deletion_protection_enabled = true\n}',
      effort: 'low',
    },
    references: [SQL_DOC, 'https://cloud.google.com/sql/docs/postgres/deletion-protection'],
    fixtures: {
      pass: [{ values: { name: 'db', database_version: PG, deletion_protection: true, settings: settings({}) } }, { values: { name: 'db', database_version: PG, settings: settings({}) }, note: 'provider default true' }],
      fail: [{ values: { name: 'db', database_version: PG, deletion_protection: false, settings: settings({ deletion_protection_enabled: false }) } }],
      unknown: [{ values: { name: 'db', database_version: PG, settings: settings({}) }, unknown: { deletion_protection: true } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0061',
    title: 'Cloud SQL instances use a customer-managed encryption key',
    description: 'Cloud SQL always encrypts data with Google-managed keys; a Cloud KMS key (CMEK) gives you control over rotation and revocation of the key protecting the database and its backups.',
    category: 'encryption-at-rest',
    severity: 'medium',
    resourceTypes: [SQL],
    controls: ['ear.customer-managed-key'],
    check: attrSet('encryption_key_name', 'encryption_key_name set to a Cloud KMS key'),
    remediation: {
      text: 'Set encryption_key_name to a Cloud KMS key in the instance region (the Cloud SQL service agent needs Encrypter/Decrypter on it). CMEK is chosen at creation.',
      terraform: 'encryption_key_name = google_kms_crypto_key.sql.id',
      effort: 'high',
    },
    references: [SQL_DOC, 'https://cloud.google.com/sql/docs/postgres/cmek'],
    differs: 'Only the key ownership is judged; instances without CMEK are still encrypted at rest.',
    fixtures: {
      pass: [{ values: { name: 'db', database_version: PG, encryption_key_name: 'projects/p/locations/l/keyRings/r/cryptoKeys/k', settings: settings({}) } }],
      fail: [{ values: { name: 'db', database_version: PG, settings: settings({}) } }],
      unknown: [{ values: { name: 'db', database_version: PG, settings: settings({}) }, unknown: { encryption_key_name: true } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0062',
    title: 'Cloud SQL for PostgreSQL logs connections and disconnections',
    description: 'log_connections and log_disconnections record who connected, from where and for how long — the trail for investigating unauthorised database access. Both are off by default.',
    category: 'logging-monitoring',
    severity: 'medium',
    resourceTypes: [SQL],
    controls: ['log.database-audit'],
    check: onlyIf(engineIs('postgres'), 'not a PostgreSQL instance', flagsOn('log_connections', 'log_disconnections')),
    remediation: {
      text: 'Add the database flags log_connections = on and log_disconnections = on.',
      terraform: 'settings {\n  database_flags {\n    name  = "log_connections"\n    value = "on"\n  }\n  database_flags {\n    name  = "log_disconnections"\n    value = "on"\n  }\n}',
      effort: 'low',
    },
    references: [SQL_DOC, 'https://cloud.google.com/sql/docs/postgres/flags'],
    peers: { checkov: ['CKV_GCP_52', 'CKV_GCP_53'] },
    differs: 'Unset flags fail (the PostgreSQL default is off, as CIS notes); Checkov fails only flags explicitly set to off.',
    fixtures: {
      pass: [
        {
          values: {
            name: 'db',
            database_version: PG,
            settings: settings({ database_flags: [{ name: 'log_connections', value: 'on' }, { name: 'log_disconnections', value: 'on' }] }),
          },
        },
      ],
      fail: [
        { values: { name: 'db', database_version: PG, settings: settings({ database_flags: [{ name: 'log_connections', value: 'on' }] }) } },
        { values: { name: 'db', database_version: PG, settings: settings({ database_flags: [{ name: 'log_connections', value: 'off' }, { name: 'log_disconnections', value: 'on' }] }) } },
      ],
      unknown: [{ values: { name: 'db', database_version: PG, settings: settings({}) }, unknown: { settings: [{ database_flags: true }] } }],
      notApplicable: [{ values: { name: 'db', database_version: 'MYSQL_8_0', settings: settings({}) } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0063',
    title: 'Cloud SQL for SQL Server disables contained database authentication',
    description: 'Contained databases authenticate their own users, outside the server logins and their password policy, and a database owner can create users that bypass server-level controls.',
    category: 'identity-access',
    severity: 'medium',
    resourceTypes: [SQL],
    controls: ['iam.central-auth'],
    check: onlyIf(engineIs('sqlserver'), 'not a SQL Server instance', flagOff('contained database authentication')),
    remediation: {
      text: 'Remove the "contained database authentication" flag or set it to off.',
      terraform: 'settings {\n  database_flags {\n    name  = "contained database authentication"\n    value = "off"\n  }\n}',
      effort: 'low',
    },
    references: [SQL_DOC, 'https://cloud.google.com/sql/docs/sqlserver/flags'],
    peers: { checkov: ['CKV_GCP_59'] },
    fixtures: {
      pass: [{ values: { name: 'db', database_version: 'SQLSERVER_2019_STANDARD', settings: settings({}) } }],
      fail: [{ values: { name: 'db', database_version: 'SQLSERVER_2019_STANDARD', settings: settings({ database_flags: [{ name: 'contained database authentication', value: 'on' }] }) } }],
      unknown: [{ values: { name: 'db', database_version: 'SQLSERVER_2019_STANDARD', settings: settings({}) }, unknown: { settings: [{ database_flags: true }] } }],
      notApplicable: [{ values: { name: 'db', database_version: PG, settings: settings({}) } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0064',
    title: 'Cloud SQL for SQL Server disables cross-database ownership chaining',
    description: 'Cross-database ownership chaining lets a user of one database reach objects in another through ownership chains, without a permission check in the second database.',
    category: 'identity-access',
    severity: 'medium',
    resourceTypes: [SQL],
    controls: ['iam.least-privilege'],
    check: onlyIf(engineIs('sqlserver'), 'not a SQL Server instance', flagOff('cross db ownership chaining')),
    remediation: {
      text: 'Remove the "cross db ownership chaining" flag or set it to off.',
      terraform: 'settings {\n  database_flags {\n    name  = "cross db ownership chaining"\n    value = "off"\n  }\n}',
      effort: 'low',
    },
    references: [SQL_DOC, 'https://cloud.google.com/sql/docs/sqlserver/flags'],
    peers: { checkov: ['CKV_GCP_58'] },
    fixtures: {
      pass: [{ values: { name: 'db', database_version: 'SQLSERVER_2022_ENTERPRISE', settings: settings({ database_flags: [{ name: 'cross db ownership chaining', value: 'off' }] }) } }],
      fail: [{ values: { name: 'db', database_version: 'SQLSERVER_2022_ENTERPRISE', settings: settings({ database_flags: [{ name: 'cross db ownership chaining', value: 'on' }] }) } }],
      unknown: [{ values: { name: 'db', settings: settings({}) }, unknown: { database_version: true } }],
      notApplicable: [{ values: { name: 'db', database_version: 'MYSQL_8_0', settings: settings({}) } }],
    },
  }),
];
