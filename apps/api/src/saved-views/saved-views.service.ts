import type { Caller } from '../common/caller';
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { badInput, notFound, requireText } from '@ipt/domain';
import { EntityManager } from 'typeorm';
import { DatabaseService } from '../database/database.service';
import { ActorService, unseen } from '../programs/actor.service';
import { ProgramEntity } from '../programs/program.entity';
import type { UserEntity } from '../users/user.entity';
import { SaveViewInput, VIEWS_PER_USER_MAX, VIEW_NAME_MAX } from './dto/saved-views.inputs';
import { SavedViewEntity } from './saved-view.entity';

/** Each person's saved tracker views: theirs alone to list, save, replace and delete. */
@Injectable()
export class SavedViewsService {
  constructor(
    private readonly db: DatabaseService,
    private readonly actors: ActorService,
  ) {}

  /** The person's own views, by name. */
  async list(user: UserEntity): Promise<SavedViewEntity[]> {
    const views = await this.db.reader.findBy(SavedViewEntity, { userId: user.id });
    return views.sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Saves the view under its name, replacing the person's view of the same name. */
  async save(caller: Caller, input: SaveViewInput): Promise<SavedViewEntity> {
    const name = requireText('name', input.name, VIEW_NAME_MAX);
    const query = canonicalQuery(input.query);
    const requestedKey = input.programKey?.trim() ? input.programKey.trim().toUpperCase() : null;
    return this.db.write({ actorId: caller.user.id, at: caller.at }, async (tx) => {
      const programKey = requestedKey
        ? (await this.visibleProgram(tx.manager, caller.user, requestedKey)).key
        : null;
      const existing = await tx.manager.findOneBy(SavedViewEntity, {
        userId: caller.user.id,
        name,
      });
      if (existing) {
        const before = { name, programKey: existing.programKey, query: existing.query };
        await tx.manager.update(SavedViewEntity, { id: existing.id }, { programKey, query });
        Object.assign(existing, { programKey, query });
        await tx.record({
          type: 'VIEW_REPLACED',
          entityType: 'SavedView',
          entityId: existing.id,
          before,
          after: { name, programKey, query },
        });
        return existing;
      }
      const count = await tx.manager.countBy(SavedViewEntity, { userId: caller.user.id });
      if (count >= VIEWS_PER_USER_MAX) {
        throw badInput(
          'name',
          `You already keep ${VIEWS_PER_USER_MAX} saved views; delete one, or save under an existing name to replace it.`,
        );
      }
      const view = tx.manager.create(SavedViewEntity, {
        id: randomUUID(),
        userId: caller.user.id,
        name,
        programKey,
        query,
        createdAt: caller.at,
      });
      await tx.manager.insert(SavedViewEntity, view);
      await tx.record({
        type: 'VIEW_SAVED',
        entityType: 'SavedView',
        entityId: view.id,
        after: { name, programKey, query },
      });
      return view;
    });
  }

  /** Deletes one of the person's own views; anyone else's is NOT_FOUND, as is an unknown id. */
  async delete(caller: Caller, id: string): Promise<SavedViewEntity> {
    return this.db.write({ actorId: caller.user.id, at: caller.at }, async (tx) => {
      const view = await tx.manager.findOneBy(SavedViewEntity, { id, userId: caller.user.id });
      if (!view) throw notFound('Saved view', id);
      await tx.manager.delete(SavedViewEntity, { id: view.id });
      await tx.record({
        type: 'VIEW_DELETED',
        entityType: 'SavedView',
        entityId: view.id,
        before: { name: view.name, programKey: view.programKey, query: view.query },
      });
      return view;
    });
  }

  private async visibleProgram(
    manager: EntityManager,
    user: UserEntity,
    key: string,
  ): Promise<ProgramEntity> {
    const program = await manager.findOneBy(ProgramEntity, { key });
    if (!program) throw unseen(user, 'Program', key);
    await this.actors.authorize(manager, user, program.id, { action: 'VIEW_PROGRAM' });
    return program;
  }
}

/** The query as compact JSON text; refused unless it is a JSON object. */
export function canonicalQuery(text: string): string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badInput('query', 'query must be a JSON object, e.g. {"status":"OPEN"}.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badInput('query', 'query must be a JSON object, e.g. {"status":"OPEN"}.');
  }
  return JSON.stringify(value);
}
