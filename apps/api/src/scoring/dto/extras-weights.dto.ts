import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsNumber, Max, Min, ValidateNested } from 'class-validator';
import { EXTRA_COMPONENTS, type ExtraComponentId } from '@kaoping/contracts';

export class ExtrasWeightInputDto {
  @ApiProperty({ enum: EXTRA_COMPONENTS, description: '附加项：leader_comments 局领导点评、quarterly_review 季度监察考评会、half_year_unit_scoring 半年考评打分、innovation 工作创新' })
  @IsIn(EXTRA_COMPONENTS)
  component!: ExtraComponentId;

  @ApiProperty({ type: Number, minimum: 0, maximum: 1, example: 0.1, description: '占总分的比例 0–1（最多 4 位小数）' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 4 })
  @Min(0)
  @Max(1)
  weight!: number;
}

export class SetExtrasWeightsDto {
  @ApiProperty({ type: [ExtrasWeightInputDto], description: '要设置的附加项权重（未列出的保持不变）；四项之和须小于 1' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => ExtrasWeightInputDto)
  weights!: ExtrasWeightInputDto[];
}

export class ExtrasWeightResponse {
  @ApiProperty({ enum: EXTRA_COMPONENTS }) component!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ description: '0–1' }) weight!: number;
}

export class ExtrasWeightsResponse {
  @ApiProperty({ enum: ['jiguan'] }) scheme!: string;
  @ApiProperty({ type: [ExtrasWeightResponse] }) weights!: ExtrasWeightResponse[];
  @ApiProperty({ description: '权重之和' }) sum!: number;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) updatedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) updatedByName!: string | null;
}
