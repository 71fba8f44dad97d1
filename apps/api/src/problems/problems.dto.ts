import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { PROBLEM_STATUSES, type ProblemStatus } from '@kaoping/contracts';
import { IsDateOnly } from '../common/http/validation.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export class CreateProblemDto {
  @ApiProperty({ description: '问题（问题清单）', minLength: 2, maxLength: 200 })
  @Transform(trim)
  @IsString()
  @Length(2, 200)
  title!: string;

  @ApiProperty({ description: '任务（任务清单）', minLength: 2, maxLength: 1000 })
  @Transform(trim)
  @IsString()
  @Length(2, 1000)
  task!: string;

  @ApiProperty({ description: '责任处室（责任清单）', maxLength: 40 })
  @IsString()
  @Length(1, 40)
  sectionId!: string;

  @ApiProperty({ description: '完成时限（时限清单）YYYY-MM-DD', format: 'date' })
  @IsDateOnly()
  deadline!: string;

  @ApiPropertyOptional({ type: [String], description: '来源的热线工单、投诉编号', maxItems: 50 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 40, { each: true })
  complaintIds?: string[];
}

export class SolveProblemDto {
  @ApiProperty({ description: '解决情况', minLength: 2, maxLength: 1000 })
  @Transform(trim)
  @IsString()
  @Length(2, 1000)
  solution!: string;

  @ApiPropertyOptional({ description: '解决日期（默认今天）', format: 'date' })
  @IsOptional()
  @IsDateOnly()
  solvedOn?: string;
}

export class ProblemQueryDto {
  @ApiPropertyOptional({ enum: PROBLEM_STATUSES })
  @IsOptional()
  @IsIn(PROBLEM_STATUSES)
  status?: ProblemStatus;

  @ApiPropertyOptional({ maxLength: 40 })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  sectionId?: string;
}

export class ProblemMonthQueryDto {
  @ApiPropertyOptional({ description: '月份 YYYY-MM（默认本月）', pattern: MONTH.source, maxLength: 7 })
  @IsOptional()
  @IsString()
  @Matches(MONTH)
  month?: string;
}

export class ProblemResponse {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() task!: string;
  @ApiProperty() sectionId!: string;
  @ApiProperty() sectionName!: string;
  @ApiProperty({ format: 'date' }) deadline!: string;
  @ApiProperty({ enum: PROBLEM_STATUSES }) status!: string;
  @ApiProperty() overdue!: boolean;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date' }) solvedOn!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) solution!: string | null;
  @ApiProperty({ type: [String] }) complaintIds!: string[];
}

export class ProblemStatsSection {
  @ApiProperty() sectionId!: string;
  @ApiProperty() sectionName!: string;
  @ApiProperty() solved!: number;
  @ApiProperty() open!: number;
  @ApiProperty() met!: boolean;
}

export class ProblemStatsResponse {
  @ApiProperty() month!: string;
  @ApiProperty({ type: [ProblemStatsSection] }) sections!: ProblemStatsSection[];
}
