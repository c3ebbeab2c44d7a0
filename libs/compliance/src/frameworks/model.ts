import type { Cloud } from '@cloudwright/terraform-plan';
import type { ControlId } from '../controls';

/** One requirement of a framework, with the control topics that implement it. No controls = a manual requirement. */
export interface FrameworkRequirement {
  /** The id in the public text: `1.4`, `AC-6`, `Req 3.5.1`, `164.312(a)(2)(iv)`, `A.8.24`. */
  readonly id: string;
  /** The title in the public text (shortened where the text is long). */
  readonly title: string;
  /** Control topics whose rules evidence this requirement; empty = manual (no automated rule can judge it from a plan). */
  readonly controls: readonly ControlId[];
}

export interface Framework {
  /** Slug used on the command line and in outputs: `cis-aws-foundations`, `nist-800-53-r5`, `pci-dss-4.0`. */
  readonly id: string;
  readonly name: string;
  /** Version of the public text the ids and titles come from. */
  readonly version: string;
  readonly publisher: string;
  /** Where the public text is. */
  readonly url: string;
  /** Other names users type (`cis-aws`, `pci`, `hipaa`). */
  readonly aliases?: readonly string[];
  /** When the framework concerns one cloud only, rules of other clouds do not count towards it. */
  readonly clouds?: readonly Cloud[];
  /**
   * The requirements listed: those relevant to infrastructure a plan describes, plus the process requirements around
   * them (listed as manual). Not the whole text for the very large catalogues (NIST 800-53 has 1,000+ controls).
   */
  readonly requirements: readonly FrameworkRequirement[];
}
