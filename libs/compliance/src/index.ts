export * from './model';
export * from './controls';
export * from './rules/common/checks';
export * from './rules/common/network';
export { BUILTIN_RULES } from './rules/index';
export { ResourceSet, resourcesFromPlan, complianceResource } from './engine/resource-set';
export { evaluateRules, RuleIndex, RuleCheckError, type RuleResult } from './engine/evaluate';
export { runResourceFixture, runPlanFixture } from './engine/fixtures';
