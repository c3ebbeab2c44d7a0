import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { type EffectivePolicy } from './policy.mapper';
import { PoliciesService } from './policies.service';
import { ApiAccess } from '@cloudwright/messaging';

/** HTTP adapter of gate policies: `PUT /policies/:environment` `{ blockOn, minScore?, frameworks? }`. */
@ApiAccess('viewer')
@Controller('policies')
export class PoliciesController {
  constructor(private readonly policies: PoliciesService) {}

  @Put(':environment')
  @ApiAccess('admin')
  @HttpCode(200)
  put(@Param('environment') environment: string, @Body() body: unknown): Promise<EffectivePolicy> {
    return this.policies.put(environment, body);
  }

  @Get()
  list(): Promise<{ default: EffectivePolicy; environments: EffectivePolicy[] }> {
    return this.policies.list();
  }

  @Get(':environment')
  get(@Param('environment') environment: string): Promise<EffectivePolicy> {
    return this.policies.get(environment);
  }

  @Delete(':environment')
  @ApiAccess('admin')
  delete(@Param('environment') environment: string): Promise<{ deleted: true; environment: string }> {
    return this.policies.delete(environment);
  }
}
