import { type Severity, type Waiver } from '@cloudwright/compliance';
import { type EntityManager } from 'typeorm';
import { EvidenceRepository } from '../evidence/evidence.repository';
import { toEvidenceItemDto, type EvidenceItemDto } from '../evidence/evidence.mapper';
import { PolicyRepository } from '../policies/policy.repository';
import { effectivePolicy, type EffectivePolicy } from '../policies/policy.mapper';
import { WaiverRepository } from '../waivers/waiver.repository';
import { toEngineWaiver } from '../waivers/waiver.mapper';

/** What the service knows about a stack/environment when it scans it. */
export interface ScanContext {
  evidence: EvidenceItemDto[];
  /** The waivers of the scope, including expired ones (the engine lists them as expired in the audit trail). */
  waivers: Waiver[];
  policy: EffectivePolicy;
}

/** Stored evidence, waivers and gate policy of a stack/environment; the defaults when none is given. */
export async function loadScanContext(manager: EntityManager, scope: { stack?: string; environment?: string }, defaultBlockOn: Severity): Promise<ScanContext> {
  if (!scope.stack || !scope.environment) return { evidence: [], waivers: [], policy: effectivePolicy(scope.environment ?? null, null, defaultBlockOn) };
  const evidence = await new EvidenceRepository(manager).findFor(scope.stack, scope.environment);
  const waivers = await new WaiverRepository(manager).findApplicable({ stack: scope.stack, environment: scope.environment });
  const policy = await new PolicyRepository(manager).findFor(scope.environment);
  return { evidence: evidence.map(toEvidenceItemDto), waivers: waivers.map(toEngineWaiver), policy: effectivePolicy(scope.environment, policy, defaultBlockOn) };
}
