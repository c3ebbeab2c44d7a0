import { cloudOfType, type Cloud, type ParsedPlan, type PlanAction, type PlanResource } from './model';
import { jsonErrorOffset } from './json-syntax';
import { ResourceValues } from './values';

/** A plan document that cannot be read; `path` is the JSON path of the offending value (`$.resource_changes[3].change.actions`). */
export class PlanParseError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'PlanParseError';
  }
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const describe = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : JSON.stringify(v));

/** Line and column (1-based) of a character offset, for JSON syntax errors. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Parses plan text; a syntax error names the line and column. */
export function parsePlanText(text: string): ParsedPlan {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const offset = jsonErrorOffset(text);
    if (offset >= 0) {
      const { line, column } = lineColumn(text, offset);
      throw new PlanParseError('$', `not valid JSON at line ${line}, column ${column}: ${message}`);
    }
    throw new PlanParseError('$', `not valid JSON: ${message}`);
  }
  return parsePlan(doc);
}

function actionOf(actions: unknown, path: string): PlanAction {
  if (!Array.isArray(actions) || actions.length === 0 || !actions.every((a) => typeof a === 'string')) {
    throw new PlanParseError(path, `expected a non-empty array of actions, got ${describe(actions)}`);
  }
  const list = actions;
  if (list.length === 2 && list.includes('delete') && list.includes('create')) return 'replace';
  if (list.length === 1) {
    const [action] = list;
    switch (action) {
      case 'create':
      case 'update':
      case 'delete':
      case 'read':
        return action;
      case 'no-op':
        return 'no-op';
      case 'forget':
        // Terraform 1.7 `removed { lifecycle { destroy = false } }`: leaves state, nothing changes in the cloud.
        return 'no-op';
    }
  }
  throw new PlanParseError(path, `unknown action list ${JSON.stringify(list)} (expected create, update, delete, read, no-op or delete+create)`);
}

/** `module.a["x"].module.b[0]` → `module.a.module.b` (configuration addresses have no instance keys). */
function stripInstanceKeys(address: string): string {
  if (!address.includes('[')) return address;
  let out = '';
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < address.length; i++) {
    const c = address.charAt(i);
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
      continue;
    }
    if (c === '"' && depth > 0) quoted = true;
    else if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (depth === 0) out += c;
  }
  return out;
}

interface ConfigResource {
  providerConfigKey: string | undefined;
  dependsOn: string[];
}

const NON_RESOURCE_ROOTS = new Set(['var', 'local', 'each', 'count', 'path', 'terraform', 'self']);

/** `aws_vpc.main.id` → `aws_vpc.main`; `module.net.vpc_id` → `module.net`; `data.aws_ami.x.id` → `data.aws_ami.x`. */
function referencedAddress(ref: string): string | null {
  const parts = stripInstanceKeys(ref).split('.');
  const [first, second, third] = parts;
  if (first === undefined || second === undefined || NON_RESOURCE_ROOTS.has(first)) return null;
  if (first === 'module') return `module.${second}`;
  if (first === 'data') return third === undefined ? null : `data.${second}.${third}`;
  return `${first}.${second}`;
}

function collectReferences(node: unknown, into: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) collectReferences(item, into);
    return;
  }
  if (!isObject(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'references' && Array.isArray(value)) {
      for (const ref of value) {
        if (typeof ref !== 'string') continue;
        const address = referencedAddress(ref);
        if (address) into.add(address);
      }
    } else {
      collectReferences(value, into);
    }
  }
}

/** Index of the configuration: `module.a.aws_instance.web` → provider key and dependencies. */
function indexConfiguration(configuration: unknown): Map<string, ConfigResource> {
  const index = new Map<string, ConfigResource>();
  const walk = (module: unknown, prefix: string): void => {
    if (!isObject(module)) return;
    const resources = Array.isArray(module.resources) ? module.resources : [];
    for (const resource of resources) {
      if (!isObject(resource) || typeof resource.address !== 'string') continue;
      const refs = new Set<string>();
      collectReferences(resource.expressions, refs);
      collectReferences(resource.count_expression, refs);
      collectReferences(resource.for_each_expression, refs);
      if (Array.isArray(resource.depends_on)) {
        for (const dep of resource.depends_on) {
          const address = typeof dep === 'string' ? referencedAddress(`${dep}.x`) : null;
          if (address) refs.add(address);
        }
      }
      const own = `${prefix}${resource.address}`;
      const dependsOn = [...refs].map((r) => `${prefix}${r}`).filter((r) => r !== own);
      index.set(own, {
        providerConfigKey: typeof resource.provider_config_key === 'string' ? resource.provider_config_key : undefined,
        dependsOn,
      });
    }
    if (isObject(module.module_calls)) {
      for (const [name, call] of Object.entries(module.module_calls)) {
        if (isObject(call)) walk(call.module, `${prefix}module.${name}.`);
      }
    }
  };
  if (isObject(configuration)) walk(configuration.root_module, '');
  return index;
}

const AZURE_REGION = (location: string) => location.toLowerCase().replace(/\s+/g, '');

function regionFromAttributes(cloud: Cloud, values: ResourceValues | null): string | null {
  if (!values) return null;
  if (cloud === 'aws') {
    const region = values.string('region');
    if (region) return region;
    const az = values.string('availability_zone');
    if (az && /^[a-z]{2}(-[a-z]+)+-\d+[a-z]$/.test(az)) return az.slice(0, -1);
    return null;
  }
  if (cloud === 'azure') {
    const location = values.string('location');
    return location ? AZURE_REGION(location) : null;
  }
  const region = values.string('region');
  if (region) return region.toLowerCase();
  const zone = values.string('zone');
  if (zone && /-[a-z]$/.test(zone)) return zone.slice(0, -2).toLowerCase();
  const location = values.string('location');
  if (location) return /\d-[a-z]$/.test(location) ? location.slice(0, -2).toLowerCase() : location.toLowerCase();
  return null;
}

const PROVIDER_KEYS: Record<Cloud, string> = { aws: 'aws', azure: 'azurerm', gcp: 'google' };

function regionFromProvider(
  cloud: Cloud,
  providerConfigKey: string | undefined,
  providerConfig: Json,
  variables: Readonly<Record<string, unknown>>,
): string | null {
  const keys = [providerConfigKey, providerConfigKey?.split(':').pop(), PROVIDER_KEYS[cloud]].filter((k): k is string => !!k);
  for (const key of keys) {
    const config = providerConfig[key];
    if (!isObject(config) || !isObject(config.expressions)) continue;
    for (const attr of cloud === 'gcp' ? ['region', 'zone'] : ['region']) {
      const expr = config.expressions[attr];
      if (!isObject(expr)) continue;
      let value: unknown = expr.constant_value;
      if (value === undefined && Array.isArray(expr.references)) {
        const ref = expr.references.find((r): r is string => typeof r === 'string' && r.startsWith('var.'));
        if (ref) value = variables[ref.slice(4)];
      }
      if (typeof value === 'string' && value !== '') {
        const v = value.toLowerCase();
        return attr === 'zone' && /-[a-z]$/.test(v) ? v.slice(0, -2) : v;
      }
    }
  }
  return null;
}

/**
 * Reads `terraform show -json <planfile>` output (format 0.1 to 1.x): every resource change of every module,
 * its action, both sides with unknown values marked, its region and its dependencies from the configuration.
 */
export function parsePlan(doc: unknown): ParsedPlan {
  if (!isObject(doc)) throw new PlanParseError('$', `expected a Terraform plan JSON object, got ${describe(doc)}`);
  const formatVersion = doc.format_version;
  if (typeof formatVersion !== 'string') {
    throw new PlanParseError('$.format_version', `missing or not a string (got ${describe(formatVersion)}): is this "terraform show -json <planfile>" output?`);
  }
  if (!/^(0|1)\./.test(formatVersion)) {
    throw new PlanParseError('$.format_version', `unsupported plan format ${formatVersion} (supported: 0.x and 1.x)`);
  }
  const variables: Record<string, unknown> = {};
  if (doc.variables !== undefined) {
    if (!isObject(doc.variables)) throw new PlanParseError('$.variables', `expected an object, got ${describe(doc.variables)}`);
    for (const [name, variable] of Object.entries(doc.variables)) {
      if (isObject(variable)) variables[name] = variable.value;
    }
  }
  const changes = doc.resource_changes ?? [];
  if (!Array.isArray(changes)) throw new PlanParseError('$.resource_changes', `expected an array, got ${describe(changes)}`);

  const configuration = isObject(doc.configuration) ? doc.configuration : {};
  const providerConfig = isObject(configuration.provider_config) ? configuration.provider_config : {};
  const configIndex = indexConfiguration(configuration);

  const resources: PlanResource[] = changes.map((rc, i): PlanResource => {
    const path = `$.resource_changes[${i}]`;
    if (!isObject(rc)) throw new PlanParseError(path, `expected an object, got ${describe(rc)}`);
    for (const field of ['address', 'type', 'name'] as const) {
      if (typeof rc[field] !== 'string' || rc[field] === '') throw new PlanParseError(`${path}.${field}`, `missing or not a string (got ${describe(rc[field])})`);
    }
    const address = rc.address as string;
    const type = rc.type as string;
    const mode = rc.mode === 'data' ? 'data' : 'managed';
    if (rc.mode !== undefined && rc.mode !== 'managed' && rc.mode !== 'data') {
      throw new PlanParseError(`${path}.mode`, `expected "managed" or "data", got ${describe(rc.mode)}`);
    }
    const change = rc.change;
    if (!isObject(change)) throw new PlanParseError(`${path}.change`, `expected an object, got ${describe(change)}`);
    const action = actionOf(change.actions, `${path}.change.actions`);
    for (const side of ['before', 'after'] as const) {
      if (change[side] !== null && change[side] !== undefined && !isObject(change[side])) {
        throw new PlanParseError(`${path}.change.${side}`, `expected an object or null, got ${describe(change[side])}`);
      }
    }
    const before = isObject(change.before) ? new ResourceValues(change.before) : null;
    const after =
      action === 'delete' ? null : isObject(change.after) || change.after_unknown !== undefined ? new ResourceValues(isObject(change.after) ? change.after : {}, change.after_unknown ?? false) : null;
    const moduleAddress = typeof rc.module_address === 'string' ? rc.module_address : null;
    const cloud = cloudOfType(type);
    const configKey = `${moduleAddress ? `${stripInstanceKeys(moduleAddress)}.` : ''}${mode === 'data' ? 'data.' : ''}${type}.${rc.name as string}`;
    const config = configIndex.get(configKey);
    let region: string | null = null;
    let regionSource: PlanResource['regionSource'] = 'none';
    if (cloud) {
      region = regionFromAttributes(cloud, after ?? before);
      if (region) regionSource = 'resource';
      else {
        region = regionFromProvider(cloud, config?.providerConfigKey, providerConfig, variables);
        if (region) regionSource = 'provider';
      }
    }
    const index = typeof rc.index === 'number' || typeof rc.index === 'string' ? rc.index : undefined;
    return {
      address,
      moduleAddress,
      mode,
      type,
      name: rc.name as string,
      ...(index !== undefined ? { index } : {}),
      providerName: typeof rc.provider_name === 'string' ? rc.provider_name : '',
      cloud,
      action,
      before,
      after,
      region,
      regionSource,
      dependsOn: config?.dependsOn ?? [],
      path,
    };
  });

  return {
    formatVersion,
    terraformVersion: typeof doc.terraform_version === 'string' ? doc.terraform_version : null,
    resources,
    variables,
  };
}

/** The configuration address of a resource: module path and name without instance keys (`module.a.aws_instance.web`). */
export function configAddressOf(resource: Pick<PlanResource, 'address'>): string {
  return stripInstanceKeys(resource.address);
}
