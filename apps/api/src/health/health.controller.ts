import { Controller, Get, HttpCode, HttpStatus, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ReadinessService } from './readiness.service';

@Controller('health')
export class HealthController {
  constructor(private readonly readiness: ReadinessService) {}

  /** 200 once migrations and the demo load are done; 503 before. */
  @Get()
  @HttpCode(HttpStatus.OK)
  health(@Res({ passthrough: true }) response: Response): { status: string } {
    if (!this.readiness.isReady) {
      response.status(HttpStatus.SERVICE_UNAVAILABLE);
      return { status: 'starting' };
    }
    return { status: 'ok' };
  }
}
