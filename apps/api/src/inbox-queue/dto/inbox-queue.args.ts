import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional, IsString } from 'class-validator';

/** The inbox and the decision queue cover every program of the signed-in user unless narrowed to one. */
@ArgsType()
export class InboxQueueArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Limit to one program; every program you are on when left out.',
  })
  @IsOptional()
  @IsString()
  programKey?: string | null;
}
