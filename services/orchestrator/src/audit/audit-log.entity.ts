import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One write to the HTTP API, allowed or denied: who, what, on which target, and how it ended. Never a token or a body. */
@Entity({ name: 'audit_log' })
@Index('audit_log_at', ['at'])
export class AuditLogEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  /** The token's name (`unauthenticated` when no valid token was given). */
  @Column('text')
  actor!: string;

  @Column({ type: 'text', nullable: true })
  role!: string | null;

  @Column('text')
  method!: string;

  /** Path without the query string. */
  @Column('text')
  path!: string;

  /** `deployment.approve`, `policy.put`… */
  @Column('text')
  action!: string;

  /** Deployment id, environment or request key the write was about. */
  @Column({ type: 'text', nullable: true })
  target!: string | null;

  /** ok | denied | error */
  @Column('text')
  outcome!: string;

  @Column('integer')
  status!: number;

  @Column({ type: 'text', nullable: true })
  detail!: string | null;

  @Column({ name: 'correlation_id', type: 'text', nullable: true })
  correlationId!: string | null;
}
