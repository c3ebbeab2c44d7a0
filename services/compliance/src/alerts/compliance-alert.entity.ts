import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An alert this service raised (status raised) or resolved; one row per dedup key. */
@Entity({ name: 'compliance_alerts' })
export class ComplianceAlertEntity {
  @PrimaryColumn({ name: 'dedup_key', type: 'text' })
  dedupKey!: string;

  @Column('text')
  kind!: string;

  @Column('text')
  severity!: 'info' | 'warning' | 'critical';

  @Column('text')
  stack!: string;

  @Column('text')
  environment!: string;

  @Column('text')
  status!: 'raised' | 'resolved';

  @Column('text')
  title!: string;

  @Column('text')
  description!: string;

  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" })
  labels!: Record<string, string>;

  @Column({ name: 'raised_at', type: 'timestamptz' })
  raisedAt!: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;
}
