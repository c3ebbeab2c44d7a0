import { createHash } from 'node:crypto';
import { RULESET_NAME, isInForce, ruleSetVersion, type EvidenceItem, type Waiver } from '@cloudwright/compliance';

/** The rule set the engine scans with, as reports name it (`cloudwright-builtin@1.0.0+<hash>`). */
export function currentRuleSetVersion(): string {
  return `${RULESET_NAME}@${ruleSetVersion()}`;
}

/** Everything that decides a deployment scan's verdict. */
export interface ScanInputs {
  planSha256: string;
  /** Framework names asked for (the command's, else the policy's; empty = every framework). */
  frameworks: readonly string[];
  evidence: Readonly<Record<string, EvidenceItem>>;
  waivers: readonly Waiver[];
  policy: { blockOn: string; minScore: number | null };
  ruleSetVersion: string;
  now: Date;
}

/**
 * Digest of a scan's inputs: the plan, frameworks, evidence, the waivers in force at `now`, the gate policy and the
 * rule set version. A repeated command for a deployment with the same digest gets the stored answer again; a
 * different digest (a waiver added, evidence supplied, another plan) is a new scan.
 */
export function scanInputDigest(inputs: ScanInputs): string {
  const frameworks = [...new Set(inputs.frameworks.map((f) => f.trim().toLowerCase()))].sort();
  const evidence = Object.keys(inputs.evidence)
    .sort()
    .map((key) => [key, inputs.evidence[key].value, inputs.evidence[key].source ?? null]);
  const waivers = inputs.waivers
    .filter((w) => isInForce(w, inputs.now))
    .map((w) => [w.id, w.rule ?? null, w.resource ?? null, w.framework ?? null, w.requirement ?? null, w.expires])
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  const canonical = JSON.stringify({
    plan: inputs.planSha256,
    frameworks,
    evidence,
    waivers,
    policy: [inputs.policy.blockOn, inputs.policy.minScore],
    rules: inputs.ruleSetVersion,
  });
  return createHash('sha256').update(canonical).digest('hex');
}
