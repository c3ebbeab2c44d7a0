export * from './budgets';
export * from './anomalies';
export * from './forecast';
export * from './equivalents';
export * from './synthetic-plan';
export * from './compare';
export * from './optimize';
