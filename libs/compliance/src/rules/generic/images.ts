import type { CheckResult, ResourceCheckContext, ResourceRule } from '../../model';
import { fail, notApplicable, pass } from '../common/checks';
import { isRecord, parseJson } from './util';

/**
 * Approved images: container images and machine images against `stack.approvedImages` (prefixes or exact ids). A
 * prefix matches at a boundary only (`registry.example.com/` or `registry.example.com` then `/`, `:` or `@`), so
 * `registry.example.com.evil.io/x` does not pass for `registry.example.com`.
 */

type ImageSource =
  | { readonly kind: 'path'; readonly path: string }
  | { readonly kind: 'json'; readonly path: string }
  | { readonly kind: 'azure-reference'; readonly path: string };

const PATH = (path: string): ImageSource => ({ kind: 'path', path });
const AZURE_VM: readonly ImageSource[] = [PATH('source_image_id'), { kind: 'azure-reference', path: 'source_image_reference' }];
const GCE_TEMPLATE: readonly ImageSource[] = [PATH('disk.*.source_image')];

export const IMAGE_SOURCES: Readonly<Record<string, readonly ImageSource[]>> = {
  aws_instance: [PATH('ami')],
  aws_launch_template: [PATH('image_id')],
  aws_launch_configuration: [PATH('image_id')],
  aws_lambda_function: [PATH('image_uri')],
  aws_ecs_task_definition: [{ kind: 'json', path: 'container_definitions' }],
  aws_batch_job_definition: [{ kind: 'json', path: 'container_properties' }],
  azurerm_linux_virtual_machine: AZURE_VM,
  azurerm_windows_virtual_machine: AZURE_VM,
  azurerm_linux_virtual_machine_scale_set: AZURE_VM,
  azurerm_windows_virtual_machine_scale_set: AZURE_VM,
  azurerm_container_group: [PATH('container.*.image')],
  azurerm_container_app: [PATH('template.*.container.*.image')],
  google_compute_instance: [PATH('boot_disk.*.initialize_params.*.image')],
  google_compute_instance_template: GCE_TEMPLATE,
  google_compute_region_instance_template: GCE_TEMPLATE,
  google_cloud_run_service: [PATH('template.*.spec.*.containers.*.image')],
  google_cloud_run_v2_service: [PATH('template.*.containers.*.image')],
  google_cloud_run_v2_job: [PATH('template.*.template.*.containers.*.image')],
};

interface ImageRef {
  readonly path: string;
  readonly image?: string;
  readonly unknown?: boolean;
}

function collect(ctx: ResourceCheckContext, source: ImageSource): ImageRef[] {
  const out: ImageRef[] = [];
  const walk = (prefix: (string | number)[], rest: readonly string[]): void => {
    const v = ctx.values.get(prefix);
    const where = prefix.join('.');
    if (v.state === 'unknown') {
      out.push({ path: where, unknown: true });
      return;
    }
    if (v.state === 'absent') return;
    if (rest.length > 0) {
      const [head = '', ...tail] = rest;
      if (head === '*') {
        const list = Array.isArray(v.value) ? v.value : [v.value];
        list.forEach((_item, i) => walk(Array.isArray(v.value) ? [...prefix, i] : prefix, tail));
      } else walk([...prefix, head], tail);
      return;
    }
    if (source.kind === 'path' && typeof v.value === 'string' && v.value !== '') out.push({ path: where, image: v.value });
    if (source.kind === 'json') {
      const doc = parseJson(v.value);
      const containers = Array.isArray(doc) ? doc : [doc];
      containers.forEach((c, i) => {
        if (isRecord(c) && typeof c.image === 'string') out.push({ path: `${where}[${i}].image`, image: c.image });
      });
    }
    if (source.kind === 'azure-reference') {
      const ref = Array.isArray(v.value) ? (v.value[0] as unknown) : v.value;
      if (isRecord(ref)) {
        const parts = ['publisher', 'offer', 'sku', 'version'].map((k) => (typeof ref[k] === 'string' ? ref[k] : '*'));
        out.push({ path: where, image: parts.join(':') });
      }
    }
  };
  const [first = '', ...rest] = source.path.split('.');
  walk([first], rest);
  return out;
}

const GOOGLE_API = /^https:\/\/(www|compute)\.googleapis\.com\/compute\/(v1|beta)\//;

function normalise(image: string): string {
  return image.trim().toLowerCase().replace(GOOGLE_API, '').replace(/^projects\//, '');
}

export function imageApproved(image: string, approved: readonly string[]): boolean {
  const img = normalise(image);
  return approved.some((entry) => {
    const a = normalise(entry);
    if (a === '' || !img.startsWith(a)) return false;
    if (img.length === a.length || /[/:@]$/.test(a)) return true;
    return /[/:@]/.test(img.charAt(a.length));
  });
}

export function approvedImagesCheck(ctx: ResourceCheckContext): CheckResult {
  const approved = ctx.stack.approvedImages;
  if (!approved || approved.length === 0) return notApplicable('the stack declares no approvedImages');
  const sources = IMAGE_SOURCES[ctx.resource.type] ?? [];
  const refs = sources.flatMap((s) => collect(ctx, s));
  const expected = `images from ${approved.join(', ')}`;
  const rejected = refs.filter((r) => r.image !== undefined && !imageApproved(r.image, approved));
  if (rejected.length > 0) return fail(rejected.map((r) => `${r.path} = ${JSON.stringify(r.image)}`).join('; '), expected, rejected[0]?.path);
  const unknownRef = refs.find((r) => r.unknown);
  if (unknownRef) return { status: 'unknown', found: `${unknownRef.path} is known only after apply`, expected, attribute: unknownRef.path };
  if (refs.length === 0) return notApplicable('no image set on the resource (zip package, attached disk or image from elsewhere)');
  return pass(refs.map((r) => `${r.path} = ${JSON.stringify(r.image)}`).join('; '), expected, refs[0]?.path);
}

const STACK = { approvedImages: ['123456789012.dkr.ecr.eu-west-1.amazonaws.com/', 'ami-0abc', 'Canonical:ubuntu-24_04-lts', 'projects/acme-images/'] };

export const IMAGE_RULES: readonly ResourceRule[] = [
  {
    id: 'CW-GEN-0015',
    scope: 'resource',
    title: 'Containers and machines use approved images',
    description:
      'Images from unvetted registries or marketplaces bypass the organisation\'s hardening, patching and vulnerability scanning. Every container and machine image must come from the approved list (stack approvedImages).',
    category: 'kubernetes-security',
    severity: 'medium',
    clouds: ['aws', 'azure', 'gcp'],
    resourceTypes: Object.keys(IMAGE_SOURCES),
    controls: ['k8s.approved-images'],
    check: approvedImagesCheck,
    remediation: {
      text: 'Build from the approved base images and publish to the approved registry or image gallery, or add the image (prefix) to the stack\'s approvedImages after review.',
      terraform:
        'image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/base/node:20"   # containers\nami   = data.aws_ami.golden.id                                    # EC2\nsource_image_id = azurerm_shared_image_version.golden.id          # Azure VMs',
      bicep: "storageProfile: {\n  imageReference: { id: goldenImageVersion.id }\n}",
      effort: 'medium',
    },
    references: [
      'https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html',
      'https://learn.microsoft.com/azure/virtual-machines/shared-image-galleries',
      'https://cloud.google.com/compute/docs/images/restricting-image-access',
    ],
    differs: 'Image prefixes match at a path, tag or digest boundary only; no approved list in the stack = not applicable (peers have no notion of an approved list).',
    fixtures: {
      pass: [
        { type: 'aws_ecs_task_definition', values: { container_definitions: JSON.stringify([{ name: 'app', image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.2' }]) }, stack: STACK },
        { type: 'azurerm_linux_virtual_machine', values: { source_image_reference: [{ publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server', version: 'latest' }] }, stack: STACK },
        { type: 'google_compute_instance', values: { boot_disk: [{ initialize_params: [{ image: 'acme-images/golden-2024' }] }] }, stack: STACK },
      ],
      fail: [
        { type: 'aws_ecs_task_definition', values: { container_definitions: JSON.stringify([{ name: 'app', image: 'nginx:latest' }]) }, stack: STACK },
        { type: 'aws_instance', values: { ami: 'ami-0def' }, stack: STACK },
        { type: 'google_cloud_run_v2_service', values: { template: [{ containers: [{ image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com.evil.io/x' }] }] }, stack: STACK },
      ],
      unknown: [{ type: 'aws_instance', values: {}, unknown: { ami: true }, stack: STACK }],
      notApplicable: [
        { type: 'aws_instance', values: { ami: 'ami-0def' }, note: 'no approved list' },
        { type: 'aws_lambda_function', values: { package_type: 'Zip', image_uri: null }, stack: STACK },
      ],
    },
  },
];
