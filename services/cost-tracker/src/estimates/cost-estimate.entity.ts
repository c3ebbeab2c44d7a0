import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One estimate: the latest for a deployment (deploymentId set), or an on-demand one. Amounts are numeric strings. */
@Entity({ name: 'cost_estimates' })
export class CostEstimateEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'deployment_id', type: 'text', nullable: true })
  deploymentId!: string | null;

  @Column({ type: 'text', nullable: true })
  stack!: string | null;

  @Column({ type: 'text', nullable: true })
  environment!: string | null;

  @Column({ name: 'request_key', type: 'text', nullable: true })
  requestKey!: string | null;

  @Column('text')
  status!: 'priced' | 'failed';

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column({ type: 'numeric', nullable: true })
  hourly!: string | null;

  @Column({ type: 'numeric', nullable: true })
  monthly!: string | null;

  @Column({ type: 'numeric', nullable: true })
  yearly!: string | null;

  @Column({ name: 'past_monthly', type: 'numeric', nullable: true })
  pastMonthly!: string | null;

  @Column({ name: 'diff_monthly', type: 'numeric', nullable: true })
  diffMonthly!: string | null;

  @Column({ name: 'resource_count', type: 'integer' })
  resourceCount!: number;

  @Column({ name: 'unsupported_count', type: 'integer' })
  unsupportedCount!: number;

  @Column({ name: 'catalog_version', type: 'text', nullable: true })
  catalogVersion!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  budget!: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  error!: { code: string; message: string; path?: string } | null;

  /** The full estimate (resources, components, assumptions) as JSON. */
  @Column({ type: 'jsonb', nullable: true })
  estimate!: Record<string, unknown> | null;

  @Column({ name: 'correlation_id', type: 'text', nullable: true })
  correlationId!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}

/** Monthly cost of one resource of an estimate (for variance against actuals by resource). */
@Entity({ name: 'cost_estimate_resources' })
export class CostEstimateResourceEntity {
  @PrimaryColumn({ name: 'estimate_id', type: 'uuid' })
  estimateId!: string;

  @PrimaryColumn('text')
  address!: string;

  @Column('text')
  type!: string;

  @Column('text')
  cloud!: string;

  @Column('text')
  region!: string;

  @Column('text')
  action!: string;

  @Column('numeric')
  hourly!: string;

  @Column('numeric')
  monthly!: string;
}
