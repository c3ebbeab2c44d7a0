import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A monthly budget for a stack/environment (optionally narrowed to one tag). `tagKey` '' means no tag filter. */
@Entity({ name: 'budgets' })
export class BudgetEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  stack!: string;

  @Column('text')
  environment!: string;

  @Column({ name: 'tag_key', type: 'text', default: '' })
  tagKey!: string;

  @Column({ name: 'tag_value', type: 'text', default: '' })
  tagValue!: string;

  @Column('numeric')
  amount!: string;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column('text')
  period!: 'monthly';

  @Column({ name: 'thresholds_pct', type: 'integer', array: true })
  thresholdsPct!: number[];

  @Column({ name: 'forecast_overrun', type: 'boolean' })
  forecastOverrun!: boolean;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
