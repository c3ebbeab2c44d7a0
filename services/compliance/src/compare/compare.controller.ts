import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CompareService } from './compare.service';
import { type WorkloadComparison } from './workload-comparison';
import { ApiAccess } from '@cloudwright/messaging';

/** HTTP adapter: `POST /compare` `{ workloads: { aws: <plan>, azure: <plan>, gcp: <plan> }, frameworks? }`. */
@ApiAccess('viewer')
@Controller('compare')
export class CompareController {
  constructor(private readonly comparisons: CompareService) {}

  @Post()
  @HttpCode(200)
  compare(@Body() body: unknown): WorkloadComparison {
    return this.comparisons.compare(body);
  }
}
