import type { Cloud } from '@cloudwright/terraform-plan';
import { CONTROLS, type ControlId } from '../controls';
import { FRAMEWORKS_GROUP_A } from './data/group-a';
import { FRAMEWORKS_GROUP_B } from './data/group-b';
import type { Framework } from './model';

export type { Framework, FrameworkRequirement } from './model';

/** Every built-in framework mapping, in id order. */
export const BUILTIN_FRAMEWORKS: readonly Framework[] = [...FRAMEWORKS_GROUP_A, ...FRAMEWORKS_GROUP_B].sort((a, b) => a.id.localeCompare(b.id));

/** A framework name that is neither an id nor an alias; the message lists the valid names. */
export class UnknownFrameworkError extends Error {
  readonly code = 'UNKNOWN_FRAMEWORK';
  constructor(
    readonly names: readonly string[],
    readonly valid: readonly string[],
  ) {
    super(`unknown framework${names.length > 1 ? 's' : ''} ${names.map((n) => `"${n}"`).join(', ')}; valid names: ${valid.join(', ')}`);
    this.name = 'UnknownFrameworkError';
  }
}

/** Resolves framework ids or aliases (case-insensitive); no names = every framework. */
export function resolveFrameworks(names: readonly string[] | undefined, frameworks: readonly Framework[] = BUILTIN_FRAMEWORKS): Framework[] {
  if (!names || names.length === 0) return [...frameworks];
  const byName = new Map<string, Framework>();
  for (const fw of frameworks) {
    byName.set(fw.id.toLowerCase(), fw);
    for (const alias of fw.aliases ?? []) byName.set(alias.toLowerCase(), fw);
  }
  const unknown = names.filter((n) => !byName.has(n.trim().toLowerCase()));
  if (unknown.length > 0) throw new UnknownFrameworkError(unknown, frameworks.map((f) => f.id));
  const out: Framework[] = [];
  for (const name of names) {
    const fw = byName.get(name.trim().toLowerCase());
    if (fw && !out.includes(fw)) out.push(fw);
  }
  return out;
}

export interface RequirementRef {
  readonly framework: Framework;
  readonly requirementId: string;
}

/** control topic → the framework requirements it evidences. */
export class FrameworkIndex {
  private readonly byControl = new Map<ControlId, RequirementRef[]>();

  constructor(readonly frameworks: readonly Framework[]) {
    for (const framework of frameworks) {
      for (const requirement of framework.requirements) {
        for (const control of requirement.controls) {
          if (!(control in CONTROLS)) throw new Error(`framework ${framework.id} requirement ${requirement.id}: unknown control ${control}`);
          const list = this.byControl.get(control) ?? [];
          list.push({ framework, requirementId: requirement.id });
          this.byControl.set(control, list);
        }
      }
    }
  }

  /** The requirements (of frameworks that concern `clouds`) that rules implementing `controls` evidence. */
  requirementsFor(controls: readonly ControlId[], clouds: readonly (Cloud | null)[]): RequirementRef[] {
    const out: RequirementRef[] = [];
    const seen = new Set<string>();
    for (const control of controls) {
      for (const ref of this.byControl.get(control) ?? []) {
        if (!appliesTo(ref.framework, clouds)) continue;
        const key = `${ref.framework.id}\u0000${ref.requirementId}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(ref);
      }
    }
    return out;
  }
}

/** A cloud-specific framework (CIS AWS) only counts results about its clouds; results with no cloud count for all. */
export function appliesTo(framework: Framework, clouds: readonly (Cloud | null)[]): boolean {
  if (!framework.clouds || framework.clouds.length === 0) return true;
  if (clouds.length === 0 || clouds.includes(null)) return true;
  return clouds.some((c) => c !== null && framework.clouds?.includes(c));
}
