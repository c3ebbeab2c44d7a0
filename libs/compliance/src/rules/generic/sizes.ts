/**
 * vCPU counts read from instance size names, only where the name states them reliably:
 * - AWS: `<family>.<N>xlarge` = 4·N vCPU for the general, compute and memory families (`m6i.8xlarge` = 32), `.metal`
 *   = the whole host; `db.` classes follow the same naming.
 * - Azure: D and E series v3 and later and the F series name their vCPUs (`Standard_D32s_v5` = 32); constrained-vCPU
 *   sizes state the real count after the dash (`Standard_E32-16ds_v4` = 16). Older names (`Standard_DS14_v2`) do not
 *   count vCPUs and are not read.
 * - GCP: predefined types end in their vCPU count (`n2-standard-32`), custom types start with it (`custom-32-131072`).
 */

export interface SizeInfo {
  readonly vcpus: number | 'host';
  /** The part of the name the count was read from. */
  readonly family: string;
}

export function awsSize(name: string): SizeInfo | null {
  const n = name.trim().toLowerCase().replace(/^db\.|^cache\./, '');
  const [family = '', size = ''] = n.split('.');
  if (size === 'metal' || size.startsWith('metal-')) return { vcpus: 'host', family };
  const m = /^(\d*)xlarge$/.exec(size);
  if (!m) {
    const small: Record<string, number> = { nano: 2, micro: 2, small: 2, medium: 2, large: 2 };
    return small[size] !== undefined ? { vcpus: small[size] ?? 2, family } : null;
  }
  return { vcpus: 4 * (m[1] ? Number(m[1]) : 1), family };
}

export function azureSize(name: string): SizeInfo | null {
  const m = /^standard_([a-z]+?)(\d+)(?:-(\d+))?([a-z]*)(?:_v(\d+))?$/i.exec(name.trim());
  if (!m) return null;
  const family = (m[1] ?? '').toUpperCase();
  const version = m[5] ? Number(m[5]) : 1;
  const countsVcpus = ((family === 'D' || family === 'E') && version >= 3) || family === 'F';
  if (!countsVcpus) return null;
  return { vcpus: Number(m[3] ?? m[2]), family: `${family}v${version}` };
}

export function gcpSize(name: string): SizeInfo | null {
  const n = name.trim().toLowerCase().split('/').pop() ?? '';
  const custom = /^(?:([a-z0-9]+)-)?custom-(\d+)-\d+(?:-ext)?$/.exec(n);
  if (custom) return { vcpus: Number(custom[2]), family: custom[1] ?? 'n1' };
  const predefined = /^([a-z0-9]+)-(standard|highmem|highcpu|megamem|ultramem|hypermem)-(\d+)/.exec(n);
  if (predefined) return { vcpus: Number(predefined[3]), family: predefined[1] ?? '' };
  return null;
}

export function sizeInfo(cloud: string | null, name: string): SizeInfo | null {
  if (cloud === 'aws') return awsSize(name);
  if (cloud === 'azure') return azureSize(name);
  if (cloud === 'gcp') return gcpSize(name);
  return null;
}
