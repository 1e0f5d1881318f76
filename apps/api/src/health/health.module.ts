import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';

/** GET /health. HealthService itself is global, beside the database that reports to it. */
@Module({ controllers: [HealthController] })
export class HealthModule {}
