import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('User', { description: 'A person with an account.' })
export class UserModel {
  @Field(() => ID)
  id!: string;

  @Field()
  email!: string;

  @Field()
  name!: string;

  @Field()
  active!: boolean;

  @Field({ description: 'Manages accounts and programs across the installation.' })
  isSystemAdmin!: boolean;
}
