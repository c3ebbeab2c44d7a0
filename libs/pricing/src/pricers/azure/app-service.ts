import { UnsupportedResource, type PricerContext, type ResourcePricer } from '../../engine/pricer';
import { monthlyHours } from '../helpers';

/** Plans billed per execution or per vCPU-second elsewhere (Functions consumption, Elastic Premium, Logic Apps Standard). */
const NOT_INSTANCE_BILLED = /^(Y1|EP\d|WS\d|FC1)$/i;

function planLine(ctx: PricerContext, os: 'linux' | 'windows', size: string, workers: number) {
  if (NOT_INSTANCE_BILLED.test(size)) throw new UnsupportedResource(`App Service plan sku ${size} (Functions consumption, Elastic Premium or Workflow Standard) is not priced yet`);
  const sku = `app-service:${os}:${size.toLowerCase()}`;
  if (!ctx.hasPrice(sku)) throw new UnsupportedResource(`no list price for App Service plan ${size} (${os}) in ${ctx.region}`);
  return [{ name: `Instance usage (${os === 'linux' ? 'Linux' : 'Windows'}, ${size})`, unit: 'hours', monthlyQuantity: monthlyHours(workers), sku }];
}

/**
 * `azurerm_service_plan`: sku_name × worker_count instance-hours, at the Linux price for os_type Linux and the Windows
 * price for Windows and WindowsContainer.
 */
export const azureServicePlan: ResourcePricer = {
  cloud: 'azure',
  types: ['azurerm_service_plan'],
  price(ctx) {
    const osType = ctx.assume<string>('os_type', 'Linux', 'os_type is required by the azurerm provider; assumed Linux');
    const size = ctx.assume<string>('sku_name', 'B1', 'sku_name is required by the azurerm provider; assumed B1');
    const workers = ctx.assume<number>('worker_count', 1, 'worker_count defaults to 1 instance (azurerm provider docs)');
    if (!['Linux', 'Windows', 'WindowsContainer'].includes(osType)) throw new UnsupportedResource(`unknown App Service plan os_type ${osType} (expected Linux, Windows or WindowsContainer)`);
    return planLine(ctx, osType === 'Linux' ? 'linux' : 'windows', size, workers);
  },
};

/** The legacy `azurerm_app_service_plan`: sku.size × sku.capacity; Linux when kind is Linux or reserved is true. */
export const azureAppServicePlan: ResourcePricer = {
  cloud: 'azure',
  types: ['azurerm_app_service_plan'],
  price(ctx) {
    const kind = ctx.assume<string>('kind', 'Windows', 'kind defaults to Windows (azurerm provider docs)');
    const reserved = ctx.values.boolean('reserved') ?? false;
    const size = ctx.assume<string>('sku[0].size', 'S1', 'sku.size is required by the azurerm provider; assumed S1');
    const capacity = ctx.assume<number>('sku[0].capacity', 1, 'sku.capacity defaults to 1 instance');
    const linux = reserved || kind.toLowerCase() === 'linux';
    return planLine(ctx, linux ? 'linux' : 'windows', size, capacity);
  },
};

export const AZURE_APP_SERVICE_PRICERS: readonly ResourcePricer[] = [azureServicePlan, azureAppServicePlan];
