import { createHash, randomUUID } from 'node:crypto';
import {
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
  type Provider,
} from '@nestjs/common';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { PubSub, PubSubEngine } from 'graphql-subscriptions';
import { Redis } from 'ioredis';
import { CLOCK, type Clock } from '../common/clock';
import type { AppConfig, DatabaseConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { HealthService } from '../health/health.service';

/**
 * The PubSub that carries live updates (issue activity, notification counts) to subscribers.
 * Whoever publishes or subscribes injects it by this token; `livePubSubProvider` decides which.
 */
export const LIVE_PUB_SUB = Symbol('LivePubSub');

/**
 * Without REDIS_URL, in this process only (one API instance: ADR 9). With it, through Redis, so a
 * change committed on one instance reaches browsers connected to any other (ADR 15).
 */
export const livePubSubProvider: Provider = {
  provide: LIVE_PUB_SUB,
  inject: [APP_CONFIG, HealthService, CLOCK],
  useFactory: (config: AppConfig, health: HealthService, clock: Clock): PubSubEngine =>
    config.redisUrl
      ? new SharedPubSub(config.redisUrl, channelPrefix(config.database), health, clock)
      : new PubSub(),
};

/** How long start-up waits for Redis, so the first changes are heard elsewhere; then it goes on. */
const CONNECT_WAIT_MS = 2_000;
/** A publish that gets no answer in this long (a hung connection) counts as failed. */
const PUBLISH_TIMEOUT_MS = 1_000;

/**
 * Channel names for one deployment: a hash of the database the instances share. Instances on one
 * database are by definition one deployment (their events are rows in it), and two deployments on
 * one Redis cannot share a database, so this needs no setting of its own. User and password are
 * left out, so rotating credentials or giving instances their own database users does not split
 * them; the instances of a deployment must name the database by the same host, port and name.
 */
export function channelPrefix(database: DatabaseConfig): string {
  const identity =
    database.kind === 'sqlite' ? `sqlite:${database.path}` : postgresIdentity(database.url);
  return `ipt:${createHash('sha256').update(identity).digest('hex').slice(0, 16)}:`;
}

function postgresIdentity(url: string): string {
  const parsed = new URL(url);
  const host = parsed.searchParams.get('host') ?? parsed.hostname.toLowerCase();
  return `postgres://${host}:${parsed.port || '5432'}${decodeURIComponent(parsed.pathname)}`;
}

/** What travels through Redis: the payload, and which instance published it. */
interface Envelope {
  readonly origin: string;
  readonly payload: unknown;
}

const DATE = '$date';

/** JSON that keeps Date values Dates (GraphQL's DateTime serializes only a Date). */
export function encodeEnvelope(envelope: Envelope): string {
  return JSON.stringify(envelope, function (this: Record<string, unknown>, key, value: unknown) {
    // `value` has been through Date#toJSON already; the holder still has the Date itself.
    const raw = this[key];
    return raw instanceof Date ? { [DATE]: raw.toISOString() } : value;
  });
}

/** The envelope in a message, or null for anything else found on the channel. */
export function decodeEnvelope(text: string): Envelope | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text, (_key, value: unknown) =>
      isTaggedDate(value) ? new Date(value[DATE]) : value,
    );
  } catch {
    return null;
  }
  return isEnvelope(parsed) ? parsed : null;
}

function isEnvelope(value: unknown): value is Envelope {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Record<string, unknown>)['origin'] === 'string'
  );
}

function isTaggedDate(value: unknown): value is { [DATE]: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.keys(value).length === 1 &&
    typeof (value as Record<string, unknown>)[DATE] === 'string'
  );
}

type Connection = 'publisher' | 'subscriber';

const CONNECTING = 'connecting to Redis';

/**
 * Live updates through Redis. Every subscriber of this instance listens on an in-process PubSub;
 * what this instance publishes goes to them at once and, tagged with this instance's id, to Redis
 * for the other instances, each of which republishes it to its own subscribers (and ignores its
 * own). So each committed event is published once, by the instance that committed it; the
 * resolvers' filters (who may see what) run per subscriber as before; and with Redis down the
 * subscribers on this instance still hear this instance's changes, only other instances' are
 * missed — reported as `liveUpdates` degraded on /health until Redis is back.
 *
 * Publishing never throws and never waits on Redis: the publisher does not queue commands while
 * disconnected (they fail at once) and gives up on an unanswered one after a second, so a write
 * is never failed or held up by live updates. The subscriber does queue, and ioredis subscribes it
 * again by itself after a reconnect.
 */
export class SharedPubSub extends PubSubEngine implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('LiveUpdates');
  private readonly local = new PubSub();
  private readonly origin = randomUUID();
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly redis: RedisPubSub;
  /** Triggers someone here listens to; subscribed in Redis once, for the instance's lifetime. */
  private readonly wanted = new Set<string>();
  private readonly requested = new Set<string>();
  private readonly problems = new Map<Connection | 'publish', string>();
  private closing = false;
  private warned = false;

  constructor(
    url: string,
    private readonly prefix: string,
    private readonly health: HealthService,
    private readonly clock: Clock,
  ) {
    super();
    this.publisher = new Redis(url, {
      connectionName: 'ipt-live-publisher',
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: PUBLISH_TIMEOUT_MS,
    });
    this.subscriber = new Redis(url, {
      connectionName: 'ipt-live-subscriber',
      // A SUBSCRIBE asked for while Redis is away waits for it instead of failing.
      maxRetriesPerRequest: null,
    });
    this.redis = new RedisPubSub({
      publisher: this.publisher,
      subscriber: this.subscriber,
      serializer: (envelope: Envelope) => encodeEnvelope(envelope),
      deserializer: (message) => decodeEnvelope(message.toString()),
    });
    this.watch('publisher', this.publisher);
    this.watch('subscriber', this.subscriber);
  }

  /** Waits a little for Redis at start, so that the first changes already travel; never fails. */
  async onModuleInit(): Promise<void> {
    const ready = (client: Redis) =>
      client.status === 'ready' ? Promise.resolve() : new Promise((r) => client.once('ready', r));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all([ready(this.publisher), ready(this.subscriber)]),
      new Promise((resolve) => (timer = setTimeout(resolve, CONNECT_WAIT_MS))),
    ]);
    clearTimeout(timer);
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    await Promise.all(
      [this.publisher, this.subscriber].map((client) =>
        client.status === 'ready'
          ? client.quit().then(
              () => undefined,
              () => client.disconnect(),
            )
          : client.disconnect(),
      ),
    );
  }

  publish(trigger: string, payload: unknown): Promise<void> {
    void this.local.publish(trigger, payload);
    this.redis.publish(this.prefix + trigger, { origin: this.origin, payload }).then(
      () => this.settle('publish', null),
      (error: unknown) => this.settle('publish', `publishing to Redis failed: ${describe(error)}`),
    );
    return Promise.resolve();
  }

  subscribe(trigger: string, onMessage: (...args: unknown[]) => void): Promise<number> {
    this.wanted.add(trigger);
    this.listen();
    return this.local.subscribe(trigger, onMessage);
  }

  unsubscribe(subId: number): void {
    this.local.unsubscribe(subId);
  }

  /**
   * Subscribes in Redis to what is wanted and not yet asked for, only while connected: a SUBSCRIBE
   * that could still fail would fail at shutdown inside RedisPubSub, unhandled. After a reconnect
   * ioredis renews the subscriptions it has by itself.
   */
  private listen(): void {
    if (this.subscriber.status !== 'ready') return;
    for (const trigger of this.wanted) {
      if (this.requested.has(trigger)) continue;
      this.requested.add(trigger);
      this.redis
        .subscribe(this.prefix + trigger, (envelope: unknown) => {
          // Our own changes reached our subscribers when published; never deliver them twice.
          if (isEnvelope(envelope) && envelope.origin !== this.origin)
            void this.local.publish(trigger, envelope.payload);
        })
        .catch((error: unknown) => {
          this.requested.delete(trigger);
          this.settle('subscriber', `subscribing in Redis failed: ${describe(error)}`);
        });
    }
  }

  private watch(name: Connection, client: Redis): void {
    this.settle(name, CONNECTING);
    client.on('ready', () => {
      this.settle(name, null);
      if (name === 'subscriber') this.listen();
    });
    // ioredis keeps reconnecting after each of these; 'ready' says when it is back.
    client.on('error', (error: Error) => this.settle(name, `Redis: ${error.message}`));
    client.on('close', () => this.settle(name, 'Redis connection lost'));
  }

  /** Records how one part stands, and tells /health how live updates stand as a whole. */
  private settle(part: Connection | 'publish', problem: string | null): void {
    if (this.closing) return;
    if (problem === null) this.problems.delete(part);
    else this.problems.set(part, problem);
    // A publisher connection that is back makes an earlier failed publish history.
    if (problem === null && part === 'publisher') this.problems.delete('publish');
    const first = [...this.problems.values()][0] ?? null;
    this.health.report(
      'liveUpdates',
      first === null
        ? null
        : `${first}; changes reach only the browsers on the instance that made them`,
      this.clock.now(),
    );
    // Only real trouble is logged, once per outage: not the first moments of connecting.
    if (first !== null && first !== CONNECTING && !this.warned) {
      this.warned = true;
      this.logger.warn(`Live updates degraded: ${first}`);
    } else if (first === null && this.warned) {
      this.warned = false;
      this.logger.log('Live updates through Redis restored');
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
