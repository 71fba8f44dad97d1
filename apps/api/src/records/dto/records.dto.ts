import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsNumber, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import {
  APPEAL_DECISIONS,
  COMMENDATION_LEVELS,
  INCIDENT_RULES,
  INCIDENT_STATUSES,
  INCIDENT_VARIANTS,
  INSPECTION_KINDS,
  RATING_LEVELS,
  VETO_REASONS,
  type AppealDecision,
  type CommendationLevel,
  type IncidentStatus,
  type InspectionKind,
  type RatingLevel,
  type VetoReason,
} from '@kaoping/contracts';
import { IsDateOnly } from '../../common/http/validation.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value);

export class CreateIncidentDto {
  @ApiProperty({ enum: INCIDENT_RULES, description: '考评细则编号（事件类）', example: 'NB-5' })
  @IsIn(INCIDENT_RULES)
  rule!: string;

  @ApiPropertyOptional({ enum: INCIDENT_VARIANTS, description: '情形：DE-1..3 缺席/迟到，DE-4 缺席/不服从安排', type: String })
  @IsOptional()
  @IsIn(INCIDENT_VARIANTS)
  variant?: string;

  @ApiProperty({ description: '当事人编号', maxLength: 40, example: 'p016' })
  @IsString()
  @Length(1, 40)
  personId!: string;

  @ApiProperty({ format: 'date', example: '2024-03-05', description: '发生日期' })
  @IsDateOnly()
  date!: string;

  @ApiProperty({ minLength: 4, maxLength: 1000, description: '事实经过' })
  @Transform(trim)
  @IsString()
  @Length(4, 1000)
  description!: string;

  @ApiPropertyOptional({ type: [String], description: '证据附件编号（先上传 POST /api/files）', maxItems: 9 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(9)
  @IsString({ each: true })
  @Length(1, 36, { each: true })
  fileIds?: string[];
}

export class IncidentQueryDto {
  @ApiPropertyOptional({ enum: INCIDENT_STATUSES, type: String })
  @IsOptional()
  @IsIn(INCIDENT_STATUSES)
  status?: IncidentStatus;

  @ApiPropertyOptional({ enum: ['open'], type: String, description: 'open：只看申诉中的' })
  @IsOptional()
  @IsIn(['open'])
  appeal?: 'open';

  @ApiPropertyOptional({ maxLength: 40 })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  personId?: string;

  @ApiPropertyOptional({ maxLength: 40 })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  sectionId?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 2000, maximum: 2100 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}


export class DecisionNoteDto {
  @ApiPropertyOptional({ maxLength: 500, description: '核实/撤销说明' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(0, 500)
  note?: string;
}

export class AppealDto {
  @ApiProperty({ minLength: 4, maxLength: 1000, description: '申诉理由' })
  @Transform(trim)
  @IsString()
  @Length(4, 1000)
  reason!: string;

  @ApiPropertyOptional({ type: [String], maxItems: 9, description: '申诉证据附件编号' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(9)
  @IsString({ each: true })
  @Length(1, 36, { each: true })
  fileIds?: string[];
}

export class DecideAppealDto {
  @ApiProperty({ enum: APPEAL_DECISIONS, description: 'upheld 申诉成立（事件撤销）/ rejected 驳回（重新计分）' })
  @IsIn(APPEAL_DECISIONS)
  decision!: AppealDecision;

  @ApiProperty({ minLength: 2, maxLength: 500, description: '处理意见' })
  @Transform(trim)
  @IsString()
  @Length(2, 500)
  note!: string;
}

export class YearQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 2000, maximum: 2100, description: '年度（默认今年）' })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class InspectionScoreDto {
  @ApiProperty({ maxLength: 40, description: '参评科长（处室负责人）编号' })
  @IsString()
  @Length(1, 40)
  personId!: string;

  @ApiProperty({ type: 'number', minimum: 0, maximum: 100 })
  @IsNumber()
  @Min(0)
  @Max(100)
  score!: number;
}

export class CreateInspectionDto {
  @ApiProperty({ enum: INSPECTION_KINDS, description: 'daily 日常督查 / special 专项督查 / unannounced 随机暗访' })
  @IsIn(INSPECTION_KINDS)
  kind!: InspectionKind;

  @ApiProperty({ format: 'date', example: '2024-04-10' })
  @IsDateOnly()
  date!: string;

  @ApiProperty({ minLength: 2, maxLength: 60, description: '督查人' })
  @Transform(trim)
  @IsString()
  @Length(2, 60)
  inspector!: string;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(0, 1000)
  notes?: string;

  @ApiPropertyOptional({ type: [String], maxItems: 9 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(9)
  @IsString({ each: true })
  @Length(1, 36, { each: true })
  fileIds?: string[];

  @ApiProperty({ type: [InspectionScoreDto], description: '每位参评科长的得分（0–100）' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => InspectionScoreDto)
  scores!: InspectionScoreDto[];
}

export class RatingEntryDto {
  @ApiProperty({ maxLength: 40 })
  @IsString()
  @Length(1, 40)
  personId!: string;

  @ApiProperty({ enum: RATING_LEVELS })
  @IsIn(RATING_LEVELS)
  rating!: RatingLevel;
}

export class SaveRatingsDto {
  @ApiProperty({ type: 'integer', minimum: 2000, maximum: 2100 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiProperty({ type: [RatingEntryDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => RatingEntryDto)
  ratings!: RatingEntryDto[];
}

export class CreateCommendationDto {
  @ApiProperty({ maxLength: 40 })
  @IsString()
  @Length(1, 40)
  personId!: string;

  @ApiProperty({ enum: COMMENDATION_LEVELS, description: 'city 市委市政府/省直 +0.5，provincial 省部级 +3，central 中央 +5，unit 本单位（酌情）' })
  @IsIn(COMMENDATION_LEVELS)
  level!: CommendationLevel;

  @ApiProperty({ minLength: 2, maxLength: 200, description: '表彰事项：同一事项多级表彰只计最高一次' })
  @Transform(trim)
  @IsString()
  @Length(2, 200)
  matter!: string;

  @ApiPropertyOptional({ maxLength: 60, description: '文号，如 皖政〔2024〕12号（本单位表彰可不填）' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(2, 60)
  docNo?: string;

  @ApiProperty({ format: 'date' })
  @IsDateOnly()
  date!: string;

  @ApiPropertyOptional({ type: 'number', minimum: 0.1, maximum: 10, description: '本单位表彰的加分' })
  @IsOptional()
  @IsNumber()
  @Min(0.1)
  @Max(10)
  points?: number;

  @ApiPropertyOptional({ maxLength: 500, description: '本单位表彰的加分理由' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(2, 500)
  reason?: string;

  @ApiPropertyOptional({ type: [String], maxItems: 9, description: '表彰文件扫描件' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(9)
  @IsString({ each: true })
  @Length(1, 36, { each: true })
  fileIds?: string[];
}

export class CreateVetoDto {
  @ApiProperty({ maxLength: 40 })
  @IsString()
  @Length(1, 40)
  personId!: string;

  @ApiProperty({ enum: VETO_REASONS, description: 'V1 立案查处 … V5 其他' })
  @IsIn(VETO_REASONS)
  reason!: VetoReason;

  @ApiProperty({ format: 'date' })
  @IsDateOnly()
  date!: string;

  @ApiProperty({ minLength: 4, maxLength: 1000 })
  @Transform(trim)
  @IsString()
  @Length(4, 1000)
  description!: string;

  @ApiPropertyOptional({ type: [String], maxItems: 9 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(9)
  @IsString({ each: true })
  @Length(1, 36, { each: true })
  fileIds?: string[];
}
