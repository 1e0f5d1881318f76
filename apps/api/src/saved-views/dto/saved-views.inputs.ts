import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** Longest name of a saved view. */
export const VIEW_NAME_MAX = 80;
/** Longest JSON text of a saved view's filters and sort. */
export const VIEW_QUERY_MAX = 4000;
/** Most saved views one person may keep. */
export const VIEWS_PER_USER_MAX = 100;

@InputType()
export class SaveViewInput {
  @Field({ description: `Up to ${VIEW_NAME_MAX} characters; a view of the same name is replaced.` })
  @IsString()
  @MaxLength(VIEW_NAME_MAX, { message: `name must be at most ${VIEW_NAME_MAX} characters.` })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The program it applies to; left out or null: every program you can see.',
  })
  @IsOptional()
  @IsString()
  programKey?: string | null;

  @Field({
    description: `The filters and sort as a JSON object (up to ${VIEW_QUERY_MAX} characters).`,
  })
  @IsString()
  @MaxLength(VIEW_QUERY_MAX, { message: `query must be at most ${VIEW_QUERY_MAX} characters.` })
  query!: string;
}
