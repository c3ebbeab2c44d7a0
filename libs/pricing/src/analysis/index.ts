export * from './budgets';
export * from './anomalies';
