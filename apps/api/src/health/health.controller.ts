import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DatabaseService } from '../database/database.service';
import { HealthService } from './health.service';

@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthService,
    private readonly db: DatabaseService,
  ) {}

  /**
   * 200 once migrations and the demo load are done, also when only live updates are degraded;
   * 503 before, and while writes fail. While they fail, each call tries one harmless write, so
   * the app reports itself healthy again as soon as the storage takes writes, with no traffic.
   */
  @Get()
  async check(@Res({ passthrough: true }) response: Response): Promise<unknown> {
    if (this.health.problem('writes') !== null) await this.db.probeWrites();
    const report = this.health.snapshot();
    response.status(report.httpStatus);
    response.setHeader('Cache-Control', 'no-store');
    return report.body;
  }
}
