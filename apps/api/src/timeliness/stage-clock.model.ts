import { Field, Float, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Stage } from '@ipt/domain';
import type { StageState, DueSource } from '@ipt/domain';

export const StageStateEnum = {
  NOT_STARTED: 'NOT_STARTED',
  RUNNING: 'RUNNING',
  FINISHED: 'FINISHED',
} as const;

registerEnumType(StageStateEnum, { name: 'StageState' });

export const DueSourceEnum = { POLICY: 'POLICY', MANUAL: 'MANUAL' } as const;

registerEnumType(DueSourceEnum, {
  name: 'DueSource',
  description: 'POLICY: from the program’s timeliness policy; MANUAL: a person set it on purpose.',
});

@ObjectType('StageClock', { description: 'One stage’s clock: started, due, finished, late.' })
export class StageClockModel {
  @Field(() => Stage)
  stage!: Stage;
  @Field(() => StageStateEnum)
  state!: StageState;
  @Field(() => Date, { nullable: true })
  startedAt!: Date | null;
  @Field(() => Date, { nullable: true })
  dueAt!: Date | null;
  @Field(() => DueSourceEnum, { nullable: true })
  dueSource!: DueSource | null;
  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;
  @Field(() => Float, { description: 'Days on the clock so far (running) or in all (finished).' })
  elapsedDays!: number;
  @Field(() => Float, { description: 'Days past the due date; 0 when on time.' })
  lateByDays!: number;
}
