import { DynamicModule, Global, Module } from '@nestjs/common';
import type { AppConfig } from '../config/config';
import { DataSourceExtras, openDatabases } from './data-source';
import { HealthService } from '../health/health.service';
import { DATABASES, DatabaseService } from './database.service';

@Global()
@Module({})
export class DatabaseModule {
  static forConfig(config: AppConfig, extras: DataSourceExtras = {}): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: DATABASES, useFactory: () => openDatabases(config.database, extras) },
        DatabaseService,
        // Here because the database reports failing writes to it, and global like the database.
        HealthService,
      ],
      exports: [DatabaseService, HealthService],
    };
  }
}
