import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { PercentilesModel } from './percentiles.model';

@ObjectType('DisciplineLatency')
export class DisciplineLatencyModel extends PercentilesModel {
  @Field()
  discipline!: string;
  @Field()
  disciplineName!: string;
  @Field(() => Float, { nullable: true })
  onTimeRate!: number | null;
  @Field(() => Int, { description: 'Submitted late in the period, plus owed and overdue now.' })
  late!: number;
  @Field(() => Int, { description: 'Owed now on open issues.' })
  pending!: number;
}
