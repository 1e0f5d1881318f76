import { Inject } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../auth/current-user.decorator';
import { CLOCK, Clock } from '../common/clock';
import { ProgramModel } from '../programs/program.model';
import { ProgramEntity } from '../programs/program.entity';
import { UserEntity } from '../users/user.entity';
import { Caller } from '../common/caller';
import { AddDisciplineInput } from './dto/add-discipline.input';
import { CreateProgramInput } from './dto/create-program.input';
import { SetProgramRoleInput } from './dto/set-program-role.input';
import { UpdateProgramInput } from './dto/update-program.input';
import { ProgramAdministrationService } from './program-administration.service';

@Resolver(() => ProgramModel)
export class ProgramAdministrationResolver {
  constructor(
    private readonly programs: ProgramAdministrationService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Mutation(() => ProgramModel, {
    description:
      'System admins: a new program with the default disciplines; you become its first program manager.',
  })
  createProgram(
    @CurrentUser() user: UserEntity,
    @Args('input') input: CreateProgramInput,
  ): Promise<ProgramEntity> {
    return this.programs.create(this.caller(user), input);
  }

  @Mutation(() => ProgramModel, {
    description: 'Program managers and system admins: name, phase and time zone.',
  })
  updateProgram(
    @CurrentUser() user: UserEntity,
    @Args('input') input: UpdateProgramInput,
  ): Promise<ProgramEntity> {
    return this.programs.update(this.caller(user), input);
  }

  @Mutation(() => ProgramModel, {
    description: 'Program managers and system admins: a discipline beyond the default catalog.',
  })
  addDiscipline(
    @CurrentUser() user: UserEntity,
    @Args('input') input: AddDisciplineInput,
  ): Promise<ProgramEntity> {
    return this.programs.addDiscipline(this.caller(user), input);
  }

  @Mutation(() => ProgramModel, {
    description:
      'Program managers and system admins: makes someone PROGRAM_MANAGER or MEMBER, or (null) removes their explicit role. A program keeps at least one program manager.',
  })
  setProgramRole(
    @CurrentUser() user: UserEntity,
    @Args('input') input: SetProgramRoleInput,
  ): Promise<ProgramEntity> {
    return this.programs.setRole(this.caller(user), input);
  }

  private caller(user: UserEntity): Caller {
    return { user, at: this.clock.now() };
  }
}
