import { Injectable } from '@nestjs/common';
import { LifecycleState, Permission, staleVersion } from '@ipt/domain';
import { type Caller, writeContext } from '../../common/caller';
import { DatabaseService } from '../../database/database.service';
import { updateIfVersion } from '../../database/versioned-update';
import type { WriteTransaction } from '../../events/write.service';
import { ActorService } from '../../programs/actor.service';
import { IssueTimelinessWriter } from '../../timeliness/issue-timeliness.writer';
import { IssueEntity } from '../issue.entity';
import { IssueLookups } from './issue-lookups';

/** What a command changed, for the event it records (the issue's snapshot and version are added). */
export interface ChangeRecord {
  readonly type: string;
  readonly entityType?: string;
  readonly entityId?: string;
  readonly before?: Record<string, unknown> | null;
  readonly after: Record<string, unknown>;
}

/** A command's own part: ask the state machine, change the rows, say what changed. */
export type ApplyChange = (
  tx: WriteTransaction,
  issue: IssueEntity,
  state: LifecycleState,
) => Promise<ChangeRecord>;

/**
 * The one path of every change to an issue, in one write transaction: load -> authorize ->
 * stale version -> lifecycle state -> the command's own change (which asks the state machine) ->
 * policy due dates -> conditional UPDATE of the issue (its row count decides CONFLICT) -> the
 * event with the issue's snapshot; the roll-up and, after COMMIT, live updates and notifications
 * follow from the events (DatabaseService hooks). Any error rolls the whole transaction back.
 */
@Injectable()
export class IssueWritePipeline {
  constructor(
    private readonly db: DatabaseService,
    private readonly actors: ActorService,
    private readonly lookups: IssueLookups,
    private readonly timeliness: IssueTimelinessWriter,
  ) {}

  /** A person's change to an issue they name by key, at the version they read. */
  change(
    caller: Caller,
    input: { readonly issueKey: string; readonly version: number },
    permission: (issue: IssueEntity) => Permission,
    apply: ApplyChange,
  ): Promise<IssueEntity> {
    return this.db.write(writeContext(caller), async (tx) => {
      const issue = await this.lookups.issueByKey(tx.manager, input.issueKey, caller.user);
      await this.actors.authorize(tx.manager, caller.user, issue.programId, permission(issue));
      return this.applyTo(tx, issue, input.version, apply);
    });
  }

  /** Runs a write whose loading and authorizing are the command's own (then `applyTo`). */
  inWrite<T>(caller: Caller, work: (tx: WriteTransaction) => Promise<T>): Promise<T> {
    return this.db.write(writeContext(caller), work);
  }

  /** System changes (escalation by policy): no person, so no authorization. */
  asSystem<T>(at: Date, work: (tx: WriteTransaction) => Promise<T>): Promise<T> {
    return this.db.write({ actorId: null, at }, work);
  }

  /** Refuses (FORBIDDEN) unless the caller may do this in the program. */
  async authorize(
    tx: WriteTransaction,
    caller: Caller,
    programId: string,
    permission: Permission,
  ): Promise<void> {
    await this.actors.authorize(tx.manager, caller.user, programId, permission);
  }

  /** The common tail of every versioned change to a loaded (and authorized) issue. */
  async applyTo(
    tx: WriteTransaction,
    issue: IssueEntity,
    readVersion: number,
    apply: ApplyChange,
  ): Promise<IssueEntity> {
    if (issue.version !== readVersion)
      throw staleVersion(`Issue ${issue.key}`, readVersion, issue.version);
    const state = await this.lookups.lifecycleState(tx.manager, issue);
    const record = await apply(tx, issue, state);
    await this.timeliness.applyPolicy(tx.manager, issue, tx.at);
    const { id, version: _version, ...columns } = issue;
    issue.updatedAt = tx.at;
    issue.version = await updateIfVersion(
      tx.manager,
      IssueEntity,
      { id, what: `Issue ${issue.key}` },
      readVersion,
      { ...columns, updatedAt: tx.at },
    );
    await this.timeliness.recordWithSnapshot(tx, issue, {
      ...record,
      after: { ...record.after, version: issue.version },
    });
    tx.noteIssue(issue);
    return issue;
  }

  /** A new issue: inserted at version 1 with its first event. */
  async create(tx: WriteTransaction, issue: IssueEntity, record: ChangeRecord): Promise<void> {
    await this.timeliness.applyPolicy(tx.manager, issue, tx.at);
    await tx.manager.insert(IssueEntity, issue);
    await this.timeliness.recordWithSnapshot(tx, issue, record);
    tx.noteIssue(issue);
  }
}
