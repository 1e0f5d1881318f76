import { Injectable } from '@nestjs/common';
import { authorize, orderAsLadder } from '@ipt/domain';
import { DatabaseService } from '../database/database.service';
import { ActorService, unseen } from '../programs/actor.service';
import { ProgramEntity } from '../programs/program.entity';
import { TeamEntity } from '../programs/team.entity';
import type { UserEntity } from '../users/user.entity';

/** The teams a person may raise an issue on, so the tracker offers exactly those. */
@Injectable()
export class RaisableTeamsService {
  constructor(
    private readonly db: DatabaseService,
    private readonly actors: ActorService,
  ) {}

  async list(user: UserEntity, programKey: string): Promise<TeamEntity[]> {
    const manager = this.db.reader;
    const program = await manager.findOneBy(ProgramEntity, {
      key: programKey.trim().toUpperCase(),
    });
    if (!program) throw unseen(user, 'Program', programKey);
    const actor = await this.actors.authorize(manager, user, program.id, {
      action: 'VIEW_PROGRAM',
    });
    const teams = orderAsLadder(await manager.findBy(TeamEntity, { programId: program.id }));
    return teams.filter(
      (team) => team.active && authorize(actor, { action: 'RAISE_ISSUE', teamId: team.id }).allowed,
    );
  }
}
