import { Injectable } from '@nestjs/common';

/** Whether the app has finished starting: migrations run and demo data loaded. */
@Injectable()
export class ReadinessService {
  private ready = false;

  markReady(): void {
    this.ready = true;
  }

  get isReady(): boolean {
    return this.ready;
  }
}
