import { ArgsType, Field } from '@nestjs/graphql';
import { IsString } from 'class-validator';

@ArgsType()
export class NudgeArgs {
  @Field({ description: 'The issue whose holders to remind, e.g. HX-12.' })
  @IsString()
  issueKey!: string;
}
