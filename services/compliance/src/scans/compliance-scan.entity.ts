import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ScanSourceKind = 'command' | 'http';
export type StoredFindingStatus = 'fail' | 'unknown' | 'manual' | 'muted';

/** Failing (unwaived) findings per severity and the other statuses, as in compliance.scanned.v1. */
export interface StoredCounts {
  critical: number;
  high: number;
  medium: number;
  low: number;
  info: number;
  unknown: number;
  manual: number;
  muted: number;
  passed: number;
}

export interface StoredBlockingFinding {
  ruleId: string;
  title: string;
  severity: string;
  address: string;
}

/** The gate as decided (reasons, and the first blocking findings; all of them are in the findings table). */
export interface StoredGate {
  reasons: string[];
  blocking: StoredBlockingFinding[];
  blockingCount: number;
}

/**
 * One scan of a plan: for a deployment (the saga's command) or over HTTP for a stack/environment. A failed scan keeps
 * the reason (`error`) and no results. `input_digest` identifies what decided the verdict (see scan-inputs.ts).
 */
@Entity({ name: 'compliance_scans' })
export class ComplianceScanEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'deployment_id', type: 'text', nullable: true })
  deploymentId!: string | null;

  @Column('text')
  stack!: string;

  @Column('text')
  environment!: string;

  @Column({ name: 'request_key', type: 'text', nullable: true })
  requestKey!: string | null;

  @Column('text')
  source!: ScanSourceKind;

  @Column('text')
  status!: 'scanned' | 'failed';

  @Column({ name: 'input_digest', type: 'text', nullable: true })
  inputDigest!: string | null;

  @Column({ name: 'plan_sha256', type: 'text', nullable: true })
  planSha256!: string | null;

  @Column({ name: 'rule_set_version', type: 'text', nullable: true })
  ruleSetVersion!: string | null;

  /** Framework ids scored. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  frameworks!: string[];

  @Column({ name: 'overall_score', type: 'double precision', nullable: true })
  overallScore!: number | null;

  @Column({ type: 'text', nullable: true })
  verdict!: 'passed' | 'blocked' | null;

  @Column({ name: 'block_on', type: 'text', nullable: true })
  blockOn!: string | null;

  @Column({ name: 'min_score', type: 'double precision', nullable: true })
  minScore!: number | null;

  @Column({ type: 'jsonb', nullable: true })
  gate!: StoredGate | null;

  @Column({ type: 'jsonb', nullable: true })
  counts!: StoredCounts | null;

  /** The report's summary (resources, statuses; the not-applicable resources list capped). */
  @Column({ type: 'jsonb', nullable: true })
  summary!: Record<string, unknown> | null;

  /** The report's audit trail (scan id, time, rule set, frameworks, source digest, waivers applied and expired). */
  @Column({ type: 'jsonb', nullable: true })
  audit!: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  error!: { code: string; message: string; path?: string } | null;

  @Column({ name: 'correlation_id', type: 'text', nullable: true })
  correlationId!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}

/** A framework's score in one scan, with its requirements; stack/environment/time copied for the trend index. */
@Entity({ name: 'compliance_framework_scores' })
export class FrameworkScoreEntity {
  @PrimaryColumn({ name: 'scan_id', type: 'uuid' })
  scanId!: string;

  @PrimaryColumn('text')
  framework!: string;

  @Column('text')
  stack!: string;

  @Column('text')
  environment!: string;

  @Column('text')
  name!: string;

  @Column('text')
  version!: string;

  @Column({ type: 'double precision', nullable: true })
  score!: number | null;

  @Column('integer')
  passed!: number;

  @Column('integer')
  failed!: number;

  @Column('integer')
  unknown!: number;

  @Column('integer')
  manual!: number;

  @Column({ name: 'not_applicable', type: 'integer' })
  notApplicable!: number;

  @Column('integer')
  muted!: number;

  @Column({ type: 'jsonb' })
  requirements!: unknown[];

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** A finding of a scan other than pass and not-applicable (those are only counted). */
@Entity({ name: 'compliance_findings' })
export class ScanFindingEntity {
  @PrimaryColumn({ name: 'scan_id', type: 'uuid' })
  scanId!: string;

  /** Position in the report's order (status, severity, address). */
  @PrimaryColumn('integer')
  ordinal!: number;

  @Column({ name: 'rule_id', type: 'text' })
  ruleId!: string;

  @Column('text')
  title!: string;

  @Column('text')
  category!: string;

  @Column('text')
  severity!: string;

  @Column('text')
  status!: StoredFindingStatus;

  @Column('text')
  address!: string;

  @Column({ name: 'resource_type', type: 'text', nullable: true })
  resourceType!: string | null;

  @Column({ type: 'text', nullable: true })
  cloud!: string | null;

  @Column({ type: 'text', nullable: true })
  region!: string | null;

  @Column('text')
  message!: string;

  @Column({ type: 'text', nullable: true })
  found!: string | null;

  @Column({ type: 'text', nullable: true })
  expected!: string | null;

  @Column({ type: 'text', nullable: true })
  attribute!: string | null;

  @Column({ type: 'jsonb' })
  frameworks!: { framework: string; requirements: string[] }[];

  @Column({ type: 'jsonb' })
  remediation!: Record<string, unknown>;

  @Column({ type: 'jsonb' })
  references!: string[];

  @Column({ type: 'jsonb', nullable: true })
  waiver!: { id: string; reason: string; owner: string; expires: string } | null;
}
