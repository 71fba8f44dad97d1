import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { REVIEW_LEVELS, TASK_STATUSES, type ReviewLevel, type TaskStatus } from '@kaoping/contracts';
import { IsDateOnly } from '../../common/http/validation.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value);
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const ID = /^[A-Za-z0-9_-]{1,40}$/;

// ── 月度总结会、局领导点评 ────────────────────────────────────────────────────────────────────────────────────

export class MonthQueryDto {
  @ApiPropertyOptional({ description: '月份 YYYY-MM（默认本月）', pattern: MONTH.source, maxLength: 7, example: '2025-03' })
  @IsOptional()
  @IsString()
  @Matches(MONTH)
  month?: string;
}

export class MonthlyMeetingInputDto {
  @ApiProperty({ description: '月份 YYYY-MM', pattern: MONTH.source, example: '2025-03' })
  @IsString()
  @Matches(MONTH)
  month!: string;

  @ApiProperty({ description: '会议日期', format: 'date', example: '2025-03-28' })
  @IsDateOnly()
  date!: string;

  @ApiProperty({ description: '参会人员', minLength: 2, maxLength: 500, example: '王建国、赵志强、考评办全体、机关各处室负责人' })
  @Transform(trim)
  @IsString()
  @Length(2, 500)
  attendees!: string;

  @ApiProperty({ description: '会议纪要（本月工作小结）', minLength: 2, maxLength: 4000 })
  @Transform(trim)
  @IsString()
  @Length(2, 4000)
  summary!: string;
}

export class LeaderCommentInputDto {
  @ApiProperty({ description: '月份 YYYY-MM（不能晚于本月）', pattern: MONTH.source, example: '2025-03' })
  @IsString()
  @Matches(MONTH)
  month!: string;

  @ApiProperty({ description: '被点评的机关处室', pattern: ID.source, example: 'zf1' })
  @IsString()
  @Matches(ID)
  sectionId!: string;

  @ApiPropertyOptional({ enum: REVIEW_LEVELS, description: '等次：good 好（95）、fair 较好（85）、average 一般（70）、poor 差（50）；与 score 二选一' })
  @IsOptional()
  @IsIn(REVIEW_LEVELS)
  level?: ReviewLevel;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 100, description: '分数 0–100；与 level 二选一' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  score?: number;

  @ApiProperty({ description: '点评内容', minLength: 2, maxLength: 2000 })
  @Transform(trim)
  @IsString()
  @Length(2, 2000)
  comment!: string;

  @ApiPropertyOptional({ description: '考评办代录时：点评的局领导（局领导本人填写时不填）', pattern: ID.source, example: 'p001' })
  @IsOptional()
  @IsString()
  @Matches(ID)
  leaderId?: string;
}

// ── 季度监察考评会、整改任务 ──────────────────────────────────────────────────────────────────────────────────

export class YearQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 2000, maximum: 2100, description: '年度（默认今年）' })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class QuarterlySectionInputDto {
  @ApiProperty({ description: '机关处室', pattern: ID.source, example: 'zf1' })
  @IsString()
  @Matches(ID)
  sectionId!: string;

  @ApiProperty({ description: '梳理出的问题（无问题可写“无”）', minLength: 1, maxLength: 2000 })
  @Transform(trim)
  @IsString()
  @Length(1, 2000)
  problems!: string;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100, description: '本季度考评得分 0–100' })
  @IsInt()
  @Min(0)
  @Max(100)
  score!: number;
}

export class TaskInputDto {
  @ApiProperty({ description: '责任处室', pattern: ID.source, example: 'zf1' })
  @IsString()
  @Matches(ID)
  sectionId!: string;

  @ApiProperty({ description: '整改任务', minLength: 2, maxLength: 500 })
  @Transform(trim)
  @IsString()
  @Length(2, 500)
  title!: string;

  @ApiProperty({ description: '责任人（该处室人员）', pattern: ID.source, example: 'p016' })
  @IsString()
  @Matches(ID)
  ownerId!: string;

  @ApiProperty({ description: '整改时限', format: 'date', example: '2025-04-30' })
  @IsDateOnly()
  deadline!: string;
}

export class CreateQuarterlyReviewDto {
  @ApiProperty({ type: 'integer', minimum: 2000, maximum: 2100, example: 2025 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 4, example: 1 })
  @IsInt()
  @Min(1)
  @Max(4)
  quarter!: number;

  @ApiProperty({ description: '会议日期', format: 'date', example: '2025-04-03' })
  @IsDateOnly()
  date!: string;

  @ApiProperty({ description: '会议情况（分析工作情况）', minLength: 2, maxLength: 4000 })
  @Transform(trim)
  @IsString()
  @Length(2, 4000)
  summary!: string;

  @ApiProperty({ type: [QuarterlySectionInputDto], description: '各处室问题与得分' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => QuarterlySectionInputDto)
  sections!: QuarterlySectionInputDto[];

  @ApiPropertyOptional({ type: [TaskInputDto], description: '整改任务' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => TaskInputDto)
  tasks?: TaskInputDto[];
}

export class TaskQueryDto extends YearQueryDto {
  @ApiPropertyOptional({ enum: TASK_STATUSES })
  @IsOptional()
  @IsIn(TASK_STATUSES)
  status?: TaskStatus;
}

export class CompleteTaskDto {
  @ApiProperty({ description: '整改落实情况', minLength: 2, maxLength: 2000 })
  @Transform(trim)
  @IsString()
  @Length(2, 2000)
  followUp!: string;

  @ApiPropertyOptional({ type: [String], description: '佐证照片或 PDF（先 POST /api/files 上传）', maxItems: 9 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(9)
  @IsString({ each: true })
  @Matches(/^[0-9a-f-]{36}$/, { each: true })
  fileIds?: string[];

  @ApiPropertyOptional({ description: '完成日期（默认今天）', format: 'date' })
  @IsOptional()
  @IsDateOnly()
  doneOn?: string;
}

// ── 半年考评打分 ──────────────────────────────────────────────────────────────────────────────────────────────

export class OpenHalfYearDto {
  @ApiProperty({ type: 'integer', minimum: 2000, maximum: 2100, example: 2025 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiProperty({ type: 'integer', enum: [1, 2], description: '1 上半年，2 下半年' })
  @IsInt()
  @IsIn([1, 2])
  half!: 1 | 2;

  @ApiProperty({ description: '打分截止日期（含）', format: 'date', example: '2025-07-15' })
  @IsDateOnly()
  closesOn!: string;
}

// ── 工作创新 ─────────────────────────────────────────────────────────────────────────────────────────────────

export class InnovationQueryDto extends YearQueryDto {
  @ApiPropertyOptional({ description: '处室', pattern: ID.source, maxLength: 40 })
  @IsOptional()
  @IsString()
  @Matches(ID)
  sectionId?: string;
}

export class CreateInnovationDto {
  @ApiPropertyOptional({ description: '处室（处长填写本处室时可不填；考评办代录必填）', pattern: ID.source, example: 'zf1' })
  @IsOptional()
  @IsString()
  @Matches(ID)
  sectionId?: string;

  @ApiProperty({ description: '创新事项', minLength: 2, maxLength: 100 })
  @Transform(trim)
  @IsString()
  @Length(2, 100)
  title!: string;

  @ApiProperty({ description: '做法与成效', minLength: 10, maxLength: 4000 })
  @Transform(trim)
  @IsString()
  @Length(10, 4000)
  description!: string;

  @ApiPropertyOptional({ description: '日期（默认今天）', format: 'date' })
  @IsOptional()
  @IsDateOnly()
  date?: string;

  @ApiPropertyOptional({ type: [String], description: '佐证材料（照片或 PDF，先 POST /api/files 上传）', maxItems: 9 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(9)
  @IsString({ each: true })
  @Matches(/^[0-9a-f-]{36}$/, { each: true })
  fileIds?: string[];
}

export class AssessInnovationDto {
  @ApiPropertyOptional({ enum: REVIEW_LEVELS, description: '等次：good 好（95）、fair 较好（85）、average 一般（70）、poor 差（50）；与 score 二选一' })
  @IsOptional()
  @IsIn(REVIEW_LEVELS)
  level?: ReviewLevel;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 100, description: '分数 0–100；与 level 二选一' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  score?: number;

  @ApiProperty({ description: '评定意见', minLength: 2, maxLength: 2000 })
  @Transform(trim)
  @IsString()
  @Length(2, 2000)
  assessment!: string;
}

// ── 附加项汇总 ────────────────────────────────────────────────────────────────────────────────────────────────

export class ExtrasQueryDto extends YearQueryDto {
  @ApiPropertyOptional({ description: '只看某处室（处长：本处室）', pattern: ID.source, maxLength: 40 })
  @IsOptional()
  @IsString()
  @Matches(ID)
  sectionId?: string;
}
