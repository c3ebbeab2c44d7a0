/** Vocabularies of the compliance contracts (mirrors libs/compliance, which contracts must not import). */
export const COMPLIANCE_SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type ComplianceSeverity = (typeof COMPLIANCE_SEVERITIES)[number];

/** Framework ids and aliases: lower-case slugs such as `pci-dss-4.0`, `cis-aws-foundations`. */
export const FRAMEWORK_NAME_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/** Evidence keys (stack metadata): kebab-case such as `runbooks`. */
export const EVIDENCE_KEY_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
