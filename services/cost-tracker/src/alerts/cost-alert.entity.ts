import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An alert this service raised (status raised) or resolved; one row per dedup key. */
@Entity({ name: 'cost_alerts' })
export class CostAlertEntity {
  @PrimaryColumn({ name: 'dedup_key', type: 'text' })
  dedupKey!: string;

  @Column('text')
  kind!: string;

  @Column('text')
  severity!: 'info' | 'warning' | 'critical';

  @Column({ type: 'text', nullable: true })
  stack!: string | null;

  @Column({ type: 'text', nullable: true })
  environment!: string | null;

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
