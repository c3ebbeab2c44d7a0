export { SIM_REGIONS, DEFAULT_SIM_REGIONS, findRegion, resolveRegion, type SimRegion } from './catalog/regions';
export {
  CATEGORY_LATENCY,
  CONTROL_CATEGORIES,
  DEFAULT_QUOTAS,
  SIM_CATEGORIES,
  behaviourOf,
  cloudOfSimType,
  latencyMs,
  type Latency,
  type ResourceBehaviour,
  type SimCategory,
} from './catalog/resource-behaviour';
export { generateIdentity, worldAccounts, type GeneratedIdentity, type WorldAccounts } from './catalog/provider-ids';
export { parseApplyRequest, resolveResource } from './apply/apply-request';
export { blockingDependents, dependencyDenotes, missingDependencies } from './apply/dependencies';
export { FAULT_MODES, FAULT_OPERATIONS, faultMatches, parseFaultSpec, type Fault, type FaultMatch, type FaultMode, type FaultOperation, type FaultSpec } from './faults/fault';
export { Prng } from './prng';
export { SimInputError } from './sim.errors';
export { DEFAULT_SIM_SCHEMA } from './store/schema';
export { SimCloud, type BillingExportOptions, type CallCount, type CallCountFilter, type QuotaSetting, type SimCloudOptions, type UsagePeriod } from './sim-cloud';
export { FOCUS_EXPORT_COLUMNS, focusCsv, focusRows, type FocusExportRow, type MeteredPeriod } from './billing/focus-export';
export { EstimatorHourlyPrices, type HourlyPrice, type HourlyPriceSource, type PricedResource } from './billing/hourly-price';
export { FOCUS_PROVIDER_NAMES, FOCUS_SERVICE_CATEGORIES, focusServiceName } from './billing/focus-services';
export { PROVIDER_ERROR_STATUS, startSimServer, type SimServer, type SimServerOptions } from './http/sim-server';
export { SimHttpProvider, type SimHttpProviderOptions } from './http/sim-http-provider';
