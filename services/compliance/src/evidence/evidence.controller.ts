import { Body, Controller, Get, HttpCode, Param, Put } from '@nestjs/common';
import { type EvidenceDto } from './evidence.mapper';
import { EvidenceService } from './evidence.service';
import { ApiAccess } from '@cloudwright/messaging';

/** HTTP adapter of stack evidence: `PUT /evidence/:stack/:environment` replaces the set, `GET` reads it. */
@ApiAccess('viewer')
@Controller('evidence')
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  @Put(':stack/:environment')
  @ApiAccess('approver')
  @HttpCode(200)
  put(@Param('stack') stack: string, @Param('environment') environment: string, @Body() body: unknown): Promise<EvidenceDto> {
    return this.evidence.put(stack, environment, body);
  }

  @Get(':stack/:environment')
  get(@Param('stack') stack: string, @Param('environment') environment: string): Promise<EvidenceDto> {
    return this.evidence.get(stack, environment);
  }
}
