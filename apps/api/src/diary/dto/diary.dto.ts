import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { IsDateOnly } from '../../common/http/validation.js';

export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? value : typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value);

export class SaveDiaryDto {
  @ApiPropertyOptional({ format: 'date', description: '日期（默认今天）；不能是将来。当天可直接修改，之后的修改保留历史版本。' })
  @IsOptional()
  @IsDateOnly()
  date?: string;

  @ApiProperty({ minLength: 1, maxLength: 2000, description: '当天完成的主要工作：做了什么、为谁、结果如何', example: '上午到城东农贸市场检查占道经营，整改3户' })
  @IsString()
  @Length(1, 2000)
  content!: string;
}

export class DiaryMonthQueryDto {
  @ApiPropertyOptional({ maxLength: 40, description: '人员（默认本人）' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  personId?: string;

  @ApiPropertyOptional({ pattern: MONTH.source, maxLength: 7, example: '2026-06', description: '月份（默认本月）' })
  @IsOptional()
  @IsString()
  @Matches(MONTH)
  month?: string;
}

export class CompletenessQueryDto {
  @ApiPropertyOptional({ maxLength: 40, description: '处室（处室负责人默认本处室）' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  sectionId?: string;

  @ApiPropertyOptional({ pattern: MONTH.source, maxLength: 7, example: '2026-06' })
  @IsOptional()
  @IsString()
  @Matches(MONTH)
  month?: string;
}

export class MonthQueryDto {
  @ApiPropertyOptional({ pattern: MONTH.source, maxLength: 7, example: '2026-06' })
  @IsOptional()
  @IsString()
  @Matches(MONTH)
  month?: string;
}

export class ReviewDiaryDto {
  @ApiProperty({ maxLength: 40 })
  @IsString()
  @Length(1, 40)
  personId!: string;

  @ApiProperty({ pattern: MONTH.source, example: '2026-06' })
  @IsString()
  @Matches(MONTH)
  month!: string;

  @ApiPropertyOptional({ maxLength: 500, description: '审阅意见' })
  @IsOptional()
  @IsString()
  @Length(0, 500)
  comment?: string;
}

export class CreateSpotCheckDto {
  @ApiProperty({ maxLength: 40 })
  @IsString()
  @Length(1, 40)
  sectionId!: string;

  @ApiProperty({ pattern: MONTH.source, example: '2026-06' })
  @IsString()
  @Matches(MONTH)
  month!: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 10, default: 2, description: '随机抽取人数' })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10)
  sampleSize?: number;
}

export class SpotCheckFindingsDto {
  @ApiProperty({ minLength: 2, maxLength: 2000, description: '抽查发现' })
  @IsString()
  @Length(2, 2000)
  findings!: string;
}
