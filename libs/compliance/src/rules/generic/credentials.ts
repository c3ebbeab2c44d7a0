import type { CheckResult, ResourceCheckContext, ResourceRule } from '../../model';
import { fail, notApplicable, pass } from '../common/checks';
import { isRecord } from './util';

/**
 * Default and weak credentials on database servers, VMs and brokers: the password attributes themselves (meant for
 * secrets, so the hard-coded-secrets rule leaves them alone) compared with a short list of well-known defaults, and
 * admin user names that are the engine's default or that the cloud forbids.
 */

interface CredentialSpec {
  /** Path of the password; `*` walks a list of blocks (`user.*.password`). */
  readonly password?: string;
  readonly username?: string;
  /** Names the cloud forbids or discourages for this resource's admin account. */
  readonly reservedUsernames?: readonly string[];
}

/** Default master user names of RDS engines (MySQL/MariaDB/Oracle/SQL Server `admin`, PostgreSQL `postgres`) and other usual defaults. */
const AWS_DB_USERS = ['admin', 'administrator', 'root', 'postgres', 'sa'];
/** Admin user names Azure refuses for virtual machines. */
const AZURE_VM_USERS = [
  'administrator', 'admin', 'user', 'user1', 'test', 'user2', 'test1', 'user3', 'admin1', '1', '123', 'a', 'actuser', 'adm', 'admin2',
  'aspnet', 'backup', 'console', 'david', 'guest', 'john', 'owner', 'root', 'server', 'sql', 'support', 'support_388945a0', 'sys',
  'test2', 'test3', 'user4', 'user5',
];
/** Administrator logins Azure SQL refuses. */
const AZURE_SQL_USERS = ['admin', 'administrator', 'sa', 'root', 'dbmanager', 'loginmanager', 'dbo', 'guest', 'public'];
/** Administrator logins Azure Database for PostgreSQL / MySQL refuse. */
const AZURE_OSS_DB_USERS = ['azure_superuser', 'azure_pg_admin', 'admin', 'administrator', 'root', 'guest', 'public'];

const AZURE_VM: CredentialSpec = { password: 'admin_password', username: 'admin_username', reservedUsernames: AZURE_VM_USERS };

export const CREDENTIAL_SPECS: Readonly<Record<string, CredentialSpec>> = {
  aws_db_instance: { password: 'password', username: 'username', reservedUsernames: AWS_DB_USERS },
  aws_rds_cluster: { password: 'master_password', username: 'master_username', reservedUsernames: AWS_DB_USERS },
  aws_docdb_cluster: { password: 'master_password', username: 'master_username', reservedUsernames: AWS_DB_USERS },
  aws_redshift_cluster: { password: 'master_password', username: 'master_username', reservedUsernames: AWS_DB_USERS },
  aws_mq_broker: { password: 'user.*.password', username: 'user.*.username' },
  aws_opensearch_domain: {
    password: 'advanced_security_options.*.master_user_options.*.master_user_password',
    username: 'advanced_security_options.*.master_user_options.*.master_user_name',
  },
  azurerm_linux_virtual_machine: AZURE_VM,
  azurerm_windows_virtual_machine: AZURE_VM,
  azurerm_linux_virtual_machine_scale_set: AZURE_VM,
  azurerm_windows_virtual_machine_scale_set: AZURE_VM,
  azurerm_virtual_machine: { password: 'os_profile.*.admin_password', username: 'os_profile.*.admin_username', reservedUsernames: AZURE_VM_USERS },
  azurerm_mssql_server: { password: 'administrator_login_password', username: 'administrator_login', reservedUsernames: AZURE_SQL_USERS },
  azurerm_sql_server: { password: 'administrator_login_password', username: 'administrator_login', reservedUsernames: AZURE_SQL_USERS },
  azurerm_postgresql_flexible_server: { password: 'administrator_password', username: 'administrator_login', reservedUsernames: AZURE_OSS_DB_USERS },
  azurerm_mysql_flexible_server: { password: 'administrator_password', username: 'administrator_login', reservedUsernames: AZURE_OSS_DB_USERS },
  azurerm_postgresql_server: { password: 'administrator_login_password', username: 'administrator_login', reservedUsernames: AZURE_OSS_DB_USERS },
  azurerm_mysql_server: { password: 'administrator_login_password', username: 'administrator_login', reservedUsernames: AZURE_OSS_DB_USERS },
  azurerm_synapse_workspace: { password: 'sql_administrator_login_password', username: 'sql_administrator_login', reservedUsernames: AZURE_SQL_USERS },
  google_sql_user: { password: 'password', username: 'name' },
  google_sql_database_instance: { password: 'root_password' },
};

/** Well-known default and weakest passwords, compared case-insensitively. */
export const WEAK_PASSWORDS: ReadonlySet<string> = new Set([
  'password', 'password1', 'password123', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'p@ssword1', 'p@ssw0rd1', 'p@ssw0rd123',
  'admin', 'admin123', 'administrator', 'changeme', 'changeme123', 'change_me', 'changeit', '123456', '12345678', '123456789',
  '1234567890', 'root', 'toor', 'letmein', 'qwerty', 'qwerty123', 'welcome', 'welcome1', 'welcome123', 'default', 'secret',
  'test', 'test123', 'pass', 'mysql', 'postgres', 'sa', 'guest', 'abc123', 'master', 'oracle',
]);

interface Found {
  readonly path: string;
  readonly state: 'known' | 'unknown';
  readonly value?: unknown;
}

/** Values at a path with `*` list steps, known or unknown. */
function collect(ctx: ResourceCheckContext, path: string): Found[] {
  const segments = path.split('.');
  const out: Found[] = [];
  const walk = (prefix: (string | number)[], rest: readonly string[]): void => {
    const v = ctx.values.get(prefix);
    if (v.state === 'unknown') {
      out.push({ path: prefix.join('.'), state: 'unknown' });
      return;
    }
    if (v.state === 'absent') return;
    if (rest.length === 0) {
      out.push({ path: prefix.join('.'), state: 'known', value: v.value });
      return;
    }
    const [head = '', ...tail] = rest;
    if (head === '*') {
      const list = Array.isArray(v.value) ? v.value : isRecord(v.value) ? [v.value] : [];
      list.forEach((_item, i) => walk([...prefix, i], tail));
    } else walk([...prefix, head], tail);
  };
  const [first = '', ...rest] = segments;
  walk([first], rest);
  return out;
}

function weakReason(password: string, username: unknown): string | null {
  if (WEAK_PASSWORDS.has(password.trim().toLowerCase())) return 'a well-known default/weak password';
  if (typeof username === 'string' && username !== '' && password.toLowerCase() === username.toLowerCase()) return 'the same as the user name';
  return null;
}

export function defaultPasswordCheck(ctx: ResourceCheckContext): CheckResult {
  const spec = CREDENTIAL_SPECS[ctx.resource.type];
  if (!spec?.password) return notApplicable(`${ctx.resource.type} has no password attribute`);
  const expected = 'a strong generated password (random_password, a secret store, or a password managed by the cloud)';
  if (ctx.values.get('manage_master_user_password').state === 'known' && ctx.values.boolean('manage_master_user_password') === true) {
    return pass('manage_master_user_password = true (password kept in Secrets Manager)', expected, 'manage_master_user_password');
  }
  const passwords = collect(ctx, spec.password);
  const usernames = spec.username ? collect(ctx, spec.username) : [];
  if (passwords.length === 0) return notApplicable(`${spec.password.replace(/\.\*/g, '')} not set (key-based, managed or restored credentials)`);
  let unknownPath: string | undefined;
  for (const [i, found] of passwords.entries()) {
    if (found.state === 'unknown') {
      unknownPath ??= found.path;
      continue;
    }
    if (typeof found.value !== 'string') continue;
    const reason = weakReason(found.value, usernames[i]?.value ?? usernames[0]?.value);
    if (reason) return fail(`${found.path} is ${reason} (****)`, expected, found.path);
  }
  if (unknownPath) return { status: 'unknown', found: `${unknownPath} is known only after apply (e.g. from random_password)`, expected, attribute: unknownPath };
  return pass(`${passwords.map((p) => p.path).join(', ')} not a known default (value not shown)`, expected, passwords[0]?.path);
}

export function defaultUsernameCheck(ctx: ResourceCheckContext): CheckResult {
  const spec = CREDENTIAL_SPECS[ctx.resource.type];
  if (!spec?.username || !spec.reservedUsernames) return notApplicable(`${ctx.resource.type}: no admin user name rule`);
  const usernames = collect(ctx, spec.username);
  const expected = `an admin user name other than ${spec.reservedUsernames.slice(0, 6).join(', ')}${spec.reservedUsernames.length > 6 ? '…' : ''}`;
  if (usernames.length === 0) return notApplicable(`${spec.username} not set`);
  const reserved = new Set(spec.reservedUsernames);
  const postgresPrefix = ctx.resource.type.startsWith('azurerm_postgresql');
  for (const found of usernames) {
    if (found.state === 'unknown') return { status: 'unknown', found: `${found.path} is known only after apply`, expected, attribute: found.path };
    if (typeof found.value !== 'string') continue;
    const name = found.value.trim().toLowerCase();
    if (reserved.has(name) || (postgresPrefix && name.startsWith('pg_'))) return fail(`${found.path} = ${JSON.stringify(found.value)}`, expected, found.path);
  }
  return pass(`${usernames.map((u) => `${u.path} = ${JSON.stringify(u.value)}`).join(', ')}`, expected, usernames[0]?.path);
}

export const CREDENTIAL_RULES: readonly ResourceRule[] = [
  {
    id: 'CW-GEN-0007',
    scope: 'resource',
    title: 'No default or well-known passwords for admin accounts',
    description:
      'Database, VM and broker admin passwords such as "password", "P@ssw0rd" or "changeme" are the first thing attackers try. Admin credentials must be generated (random_password) or managed by the cloud.',
    category: 'identity-access',
    severity: 'critical',
    clouds: ['aws', 'azure', 'gcp'],
    resourceTypes: Object.keys(CREDENTIAL_SPECS).filter((t) => CREDENTIAL_SPECS[t]?.password),
    controls: ['iam.default-credentials'],
    check: defaultPasswordCheck,
    remediation: {
      text: 'Generate the password (random_password) and keep it in a secret store, or let the cloud manage it (RDS manage_master_user_password, Entra ID-only authentication on Azure SQL, SSH keys on Linux VMs). Rotate the exposed password.',
      terraform:
        'resource "random_password" "db" {\n  length  = 32\n  special = true\n}\n\n# aws_db_instance\nmanage_master_user_password = true\n# or\npassword = random_password.db.result',
      bicep: "@secure()\nparam administratorLoginPassword string\n\nproperties: {\n  administratorLoginPassword: administratorLoginPassword\n}",
      effort: 'low',
    },
    references: [
      'https://registry.terraform.io/providers/hashicorp/random/latest/docs/resources/password',
      'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-secrets-manager.html',
      'https://learn.microsoft.com/azure/virtual-machines/windows/faq',
    ],
    differs: 'Passwords set from random_password or a variable known only at apply are reported as unknown; the password value never appears in results.',
    fixtures: {
      pass: [
        { type: 'aws_db_instance', values: { username: 'appadmin', password: 'kQ9#vX2!mR7$wL4p' } },
        { type: 'aws_rds_cluster', values: { master_username: 'appadmin', manage_master_user_password: true } },
      ],
      fail: [
        { type: 'aws_db_instance', values: { username: 'appadmin', password: 'P@ssw0rd' } },
        { type: 'azurerm_mssql_server', values: { administrator_login: 'sqladmin', administrator_login_password: 'changeme' } },
        { type: 'google_sql_user', values: { name: 'app', password: 'app' }, note: 'password = user name' },
        { type: 'aws_mq_broker', values: { user: [{ username: 'mq', password: 'Password123' }] } },
      ],
      unknown: [{ type: 'azurerm_linux_virtual_machine', values: { admin_username: 'azureops' }, unknown: { admin_password: true } }],
      notApplicable: [{ type: 'azurerm_linux_virtual_machine', values: { admin_username: 'azureops', admin_password: null, disable_password_authentication: true } }],
    },
  },
  {
    id: 'CW-GEN-0008',
    scope: 'resource',
    title: 'Admin accounts do not use default or reserved user names',
    description:
      'Default admin names (admin, root, sa, postgres, administrator) halve the work of a password-guessing attack. Azure rejects many of them at apply; AWS Security Hub flags RDS databases that keep the default master user name.',
    category: 'identity-access',
    severity: 'medium',
    clouds: ['aws', 'azure'],
    resourceTypes: Object.keys(CREDENTIAL_SPECS).filter((t) => CREDENTIAL_SPECS[t]?.reservedUsernames),
    controls: ['iam.default-credentials'],
    check: defaultUsernameCheck,
    remediation: {
      text: 'Choose a non-default admin user name. On RDS the master user name can only be set at creation: restore a snapshot into a new instance with another name.',
      terraform: 'username = "dbowner_payments"   # aws_db_instance\nadmin_username = "opsadmin"       # azurerm VMs\nadministrator_login = "sqlowner"  # azurerm SQL / PostgreSQL / MySQL',
      bicep: "properties: {\n  administratorLogin: 'sqlowner'\n}",
      effort: 'medium',
    },
    references: [
      'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html',
      'https://learn.microsoft.com/azure/virtual-machines/windows/faq',
      'https://learn.microsoft.com/azure/azure-sql/database/logins-create-manage',
    ],
    differs: 'Reported at plan time, before Azure rejects the name at apply; a user name known only at apply is unknown.',
    fixtures: {
      pass: [
        { type: 'aws_db_instance', values: { username: 'payments_owner' } },
        { type: 'azurerm_windows_virtual_machine', values: { admin_username: 'opsadmin' } },
      ],
      fail: [
        { type: 'aws_rds_cluster', values: { master_username: 'postgres' } },
        { type: 'azurerm_linux_virtual_machine', values: { admin_username: 'root' } },
        { type: 'azurerm_mssql_server', values: { administrator_login: 'sa' } },
        { type: 'azurerm_postgresql_flexible_server', values: { administrator_login: 'pg_admin' } },
      ],
      unknown: [{ type: 'aws_db_instance', values: {}, unknown: { username: true } }],
      notApplicable: [{ type: 'aws_db_instance', values: { snapshot_identifier: 'snap-1', username: null } }],
    },
  },
];
