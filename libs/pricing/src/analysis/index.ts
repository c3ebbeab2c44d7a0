export * from './budgets';
export * from './anomalies';
export * from './forecast';
