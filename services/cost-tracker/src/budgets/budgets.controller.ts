import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import { BudgetsService } from './budgets.service';
import { type BudgetStatusDto } from './budget.mapper';
import { ApiAccess } from '@cloudwright/messaging';

/** HTTP adapter for budgets: `PUT /budgets` creates or replaces the budget of a stack/environment (and tag). */
@ApiAccess('viewer')
@Controller('budgets')
export class BudgetsController {
  constructor(private readonly budgets: BudgetsService) {}

  @Put()
  @ApiAccess('admin')
  @HttpCode(200)
  put(@Body() body: unknown): Promise<BudgetStatusDto> {
    return this.budgets.put(body);
  }

  @Get()
  list(@Query('stack') stack?: string, @Query('environment') environment?: string): Promise<BudgetStatusDto[]> {
    return this.budgets.list({ stack, environment });
  }

  @Get(':id')
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<BudgetStatusDto> {
    return this.budgets.get(id);
  }

  @Delete(':id')
  @ApiAccess('admin')
  delete(@Param('id', new ParseUUIDPipe()) id: string): Promise<{ deleted: true; resolvedAlerts: string[] }> {
    return this.budgets.delete(id);
  }
}
