import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A deployment request as accepted from CI: one row per request key, however often it was sent. */
@Entity({ name: 'deployment_requests' })
export class DeploymentRequestEntity {
  /** The deployment id (the id of the first event that carried this request key). */
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'request_key', type: 'text', unique: true })
  requestKey!: string;

  @Column('text')
  stack!: string;

  @Column('text')
  environment!: string;

  @Column({ name: 'target_clouds', type: 'text', array: true })
  targetClouds!: string[];

  /** `inline` or the reference URI of a large plan. */
  @Column({ name: 'plan_source', type: 'text' })
  planSource!: string;

  @Column({ name: 'plan_sha256', type: 'char', length: 64 })
  planSha256!: string;

  @Column({ name: 'plan_bytes', type: 'integer' })
  planBytes!: number;

  /** Resource changes counted in an inline plan (null for a referenced plan, not yet fetched). */
  @Column({ name: 'resource_changes', type: 'integer', nullable: true })
  resourceChanges!: number | null;

  @Column('jsonb')
  ci!: Record<string, unknown>;

  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" })
  labels!: Record<string, string>;

  @Column({ name: 'correlation_id', type: 'text' })
  correlationId!: string;

  @Column('text')
  status!: string;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt!: Date;

  /** How many more times the same request key arrived (CI re-runs, retries). */
  @Column({ name: 'duplicate_requests', type: 'integer', default: 0 })
  duplicateRequests!: number;
}
