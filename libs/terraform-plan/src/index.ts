export * from './model';
export * from './values';
export { PlanParseError, configAddressOf, parsePlan, parsePlanText } from './parse-plan';
export * from './plan-source';
