import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  ACTIVITY_KINDS,
  APPLICATION_STATUSES,
  COORDINATION_BOXES,
  EFFICIENCY_SYSTEM_KINDS,
  REVIEW_DECISIONS,
  type ActivityKind,
  type ApplicationStatus,
  type CoordinationBox,
  type EfficiencySystemKind,
  type ReviewDecision,
} from '@kaoping/contracts';
import { IsDateOnly } from '../../common/http/validation.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const trimEach = ({ value }: { value: unknown }) => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value);

// ── 三定 ────────────────────────────────────────────────────────────────────────────────────────────────────────

export class StaffingInput {
  @ApiProperty({ description: '处长（主任）职数', minimum: 0, maximum: 5 })
  @IsInt()
  @Min(0)
  @Max(5)
  chief!: number;

  @ApiProperty({ description: '副处长（副主任）职数', minimum: 0, maximum: 10 })
  @IsInt()
  @Min(0)
  @Max(10)
  deputy!: number;

  @ApiProperty({ description: '其他工作人员编制数', minimum: 0, maximum: 200 })
  @IsInt()
  @Min(0)
  @Max(200)
  staff!: number;
}

export class SubmitDutiesDto {
  @ApiProperty({ description: '处室编号（处长只能提交本处室）', maxLength: 40 })
  @IsString()
  @Length(1, 40)
  sectionId!: string;

  @ApiProperty({ description: '生效日期 YYYY-MM-DD', format: 'date' })
  @IsDateOnly()
  effectiveFrom!: string;

  @ApiProperty({ type: [String], description: '定职能：职责事项，每项一条（2–300 字）', minItems: 1, maxItems: 60 })
  @Transform(trimEach)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(60)
  @IsString({ each: true })
  @Length(2, 300, { each: true })
  duties!: string[];

  @ApiPropertyOptional({ description: '定机构：内设机构、岗位设置', maxLength: 1000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(0, 1000)
  structure?: string;

  @ApiProperty({ type: StaffingInput, description: '定编制' })
  @IsObject()
  @ValidateNested()
  @Type(() => StaffingInput)
  staffing!: StaffingInput;

  @ApiPropertyOptional({ description: '说明（如依据的三定方案文号、修订原因）', maxLength: 500 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(0, 500)
  note?: string;
}

export class ReviewDto {
  @ApiProperty({ enum: REVIEW_DECISIONS, description: 'approved 批准 | rejected 退回（须写明原因）' })
  @IsIn(REVIEW_DECISIONS)
  decision!: ReviewDecision;

  @ApiPropertyOptional({ description: '审核意见（退回时必填）', maxLength: 500 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(0, 500)
  note?: string;
}

export class SectionQueryDto {
  @ApiPropertyOptional({ description: '处室编号（默认本处室）', maxLength: 40 })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  sectionId?: string;
}

// ── 效能制度 ─────────────────────────────────────────────────────────────────────────────────────────────────────

export class SystemItemInput {
  @ApiProperty({ description: '事项 / 承诺内容', minLength: 2, maxLength: 200 })
  @Transform(trim)
  @IsString()
  @Length(2, 200)
  matter!: string;

  @ApiPropertyOptional({ description: '限时办结：办结时限（工作日）', minimum: 1, maximum: 365 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  limitDays?: number;

  @ApiPropertyOptional({ description: '补充说明', maxLength: 500 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(0, 500)
  detail?: string;
}

export class SubmitSystemDto {
  @ApiProperty({ enum: EFFICIENCY_SYSTEM_KINDS, description: '制度类别（五.(二) 所列七项或“其他”）' })
  @IsIn(EFFICIENCY_SYSTEM_KINDS)
  kind!: EfficiencySystemKind;

  @ApiPropertyOptional({ description: '制度名称（“其他”类必填；七项制度默认为其名称）', maxLength: 60 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(2, 60)
  name?: string;

  @ApiProperty({ description: '制度正文', minLength: 10, maxLength: 5000 })
  @Transform(trim)
  @IsString()
  @Length(10, 5000)
  content!: string;

  @ApiProperty({ type: [SystemItemInput], description: '条目：限时办结事项及时限、服务承诺事项等', maxItems: 50 })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SystemItemInput)
  items!: SystemItemInput[];

  @ApiProperty({ description: '生效日期 YYYY-MM-DD', format: 'date' })
  @IsDateOnly()
  effectiveFrom!: string;

  @ApiProperty({ description: '批准后对外公示' })
  @IsBoolean()
  publish!: boolean;
}

// ── 会议、检查、评比报批 ─────────────────────────────────────────────────────────────────────────────────────────

export class ApplyActivityDto {
  @ApiProperty({ enum: ACTIVITY_KINDS, description: 'meeting 会议 | inspection 检查 | appraisal 评比考核' })
  @IsIn(ACTIVITY_KINDS)
  kind!: ActivityKind;

  @ApiProperty({ description: '名称', minLength: 2, maxLength: 200 })
  @Transform(trim)
  @IsString()
  @Length(2, 200)
  title!: string;

  @ApiProperty({ type: [String], description: '对象单位（局属单位名称；“全部局属单位”表示全部）', minItems: 1, maxItems: 30 })
  @Transform(trimEach)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(2, 60, { each: true })
  targetUnits!: string[];

  @ApiProperty({ description: '计划日期（须提前报批，晚于今天）', format: 'date' })
  @IsDateOnly()
  plannedDate!: string;

  @ApiPropertyOptional({ description: '结束日期（多日的检查；默认同计划日期）', format: 'date' })
  @IsOptional()
  @IsDateOnly()
  endDate?: string;

  @ApiProperty({ description: '事由与必要性', minLength: 5, maxLength: 1000 })
  @Transform(trim)
  @IsString()
  @Length(5, 1000)
  reason!: string;

  @ApiProperty({ description: '预计参加人数（基层单位需派出的人数）', minimum: 1, maximum: 10000 })
  @IsInt()
  @Min(1)
  @Max(10000)
  expectedAttendees!: number;
}

export class MergeApplicationsDto {
  @ApiProperty({ description: '保留的申请（合并后统一组织）', maxLength: 36 })
  @IsString()
  @Length(1, 36)
  primaryId!: string;

  @ApiProperty({ type: [String], description: '并入的申请', minItems: 1, maxItems: 20 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 36, { each: true })
  mergedIds!: string[];

  @ApiPropertyOptional({ description: '合并后的计划日期（默认保留申请的日期）', format: 'date' })
  @IsOptional()
  @IsDateOnly()
  plannedDate?: string;

  @ApiPropertyOptional({ description: '合并后的结束日期', format: 'date' })
  @IsOptional()
  @IsDateOnly()
  endDate?: string;

  @ApiProperty({ description: '合并说明（告知各申请处室）', minLength: 2, maxLength: 500 })
  @Transform(trim)
  @IsString()
  @Length(2, 500)
  note!: string;
}

export class ApplicationQueryDto {
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES)
  status?: ApplicationStatus;

  @ApiPropertyOptional({ description: '处室编号', maxLength: 40 })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  sectionId?: string;
}

// ── 处室衔接 ─────────────────────────────────────────────────────────────────────────────────────────────────────

export class HandOverDto {
  @ApiProperty({ description: '接收处室', maxLength: 40 })
  @IsString()
  @Length(1, 40)
  toSectionId!: string;

  @ApiProperty({ description: '衔接事项', minLength: 2, maxLength: 200 })
  @Transform(trim)
  @IsString()
  @Length(2, 200)
  matter!: string;

  @ApiProperty({ description: '具体要求', minLength: 5, maxLength: 1000 })
  @Transform(trim)
  @IsString()
  @Length(5, 1000)
  detail!: string;

  @ApiProperty({ description: '办结时限（含当日，按本局时区）', format: 'date' })
  @IsDateOnly()
  deadline!: string;

  @ApiProperty({ description: '联系人', minLength: 2, maxLength: 40 })
  @Transform(trim)
  @IsString()
  @Length(2, 40)
  contactName!: string;

  @ApiProperty({ description: '联系电话', maxLength: 20, pattern: '^[0-9+\\- ]{5,20}$' })
  @IsString()
  @Matches(/^[0-9+\- ]{5,20}$/)
  contactPhone!: string;
}

export class AcknowledgeDto {
  @ApiPropertyOptional({ description: '经办人（本处室人员；默认本人）', maxLength: 40 })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  handlerId?: string;
}

export class CompleteDto {
  @ApiProperty({ description: '办理结果', minLength: 2, maxLength: 1000 })
  @Transform(trim)
  @IsString()
  @Length(2, 1000)
  result!: string;
}

export class ConfirmBreakDto {
  @ApiPropertyOptional({ description: '责任人（经办人）；默认接收处室的经办人，未指定经办人时为接收处室处长', maxLength: 40 })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  personId?: string;

  @ApiProperty({ description: '认定理由（写入考评事件）', minLength: 5, maxLength: 500 })
  @Transform(trim)
  @IsString()
  @Length(5, 500)
  note!: string;
}

export class ClearBreakDto {
  @ApiProperty({ description: '核查说明（为何不属脱节断档）', minLength: 2, maxLength: 500 })
  @Transform(trim)
  @IsString()
  @Length(2, 500)
  note!: string;
}

export class CoordinationQueryDto {
  @ApiPropertyOptional({ enum: COORDINATION_BOXES, description: 'inbox 收到的 | outbox 发出的 | all 全部（默认）' })
  @IsOptional()
  @IsIn(COORDINATION_BOXES)
  box?: CoordinationBox;

  @ApiPropertyOptional({ enum: ['awaiting', 'confirmed', 'cleared'], description: '考评办核查：awaiting 疑似脱节待确认' })
  @IsOptional()
  @IsIn(['awaiting', 'confirmed', 'cleared'])
  review?: 'awaiting' | 'confirmed' | 'cleared';
}
