import { DynamicModule, Global, Module } from '@nestjs/common';
import { CLOCK, Clock } from '../common/clock';
import type { AppConfig } from './config';

export const APP_CONFIG = Symbol('AppConfig');

/** Provides the validated configuration and the clock to every module. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig, clock: Clock): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: CLOCK, useValue: clock },
      ],
      exports: [APP_CONFIG, CLOCK],
    };
  }
}
