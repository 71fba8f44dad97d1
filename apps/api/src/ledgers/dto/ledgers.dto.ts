import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { ATTENDANCE_STATUSES, GATHERING_KINDS, type AttendanceStatus, type GatheringKind } from '@kaoping/contracts';
import { IsDateOnly } from '../../common/http/validation.js';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value);

export class AttendanceInputDto {
  @ApiProperty({ maxLength: 40 })
  @IsString()
  @Length(1, 40)
  personId!: string;

  @ApiProperty({ enum: ATTENDANCE_STATUSES, description: '出席 present / 迟到 late / 缺席 absent' })
  @IsIn(ATTENDANCE_STATUSES)
  status!: AttendanceStatus;

  @ApiPropertyOptional({ description: '已请假并获批准（不扣分）', default: false })
  @IsOptional()
  @IsBoolean()
  leave?: boolean;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(0, 200)
  note?: string;
}

export class CreateGatheringDto {
  @ApiProperty({ enum: GATHERING_KINDS, description: '处务会 section / 支部活动 branch / 全局干部职工大会 bureau / 集体活动 collective' })
  @IsIn(GATHERING_KINDS)
  kind!: GatheringKind;

  @ApiPropertyOptional({ maxLength: 40, description: '处务会：处室（默认本处室）' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  sectionId?: string;

  @ApiPropertyOptional({ maxLength: 40, description: '支部活动：支部书记（默认本人）' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  secretaryId?: string;

  @ApiProperty({ format: 'date' })
  @IsDateOnly()
  date!: string;

  @ApiPropertyOptional({ maxLength: 100, description: '名称/主题（默认按类型）' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  title?: string;

  @ApiPropertyOptional({ maxLength: 5000, description: '会议记录 / 支部工作记录本内容' })
  @IsOptional()
  @IsString()
  @Length(0, 5000)
  minutes?: string;

  @ApiProperty({ type: AttendanceInputDto, isArray: true, description: '应到人员及出勤情况' })
  @IsArray()
  @ArrayMaxSize(300)
  @ValidateNested({ each: true })
  @Type(() => AttendanceInputDto)
  attendance!: AttendanceInputDto[];
}

export class UpdateGatheringDto {
  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  title?: string;

  @ApiPropertyOptional({ maxLength: 5000, description: '会议记录 / 支部工作记录本内容' })
  @IsOptional()
  @IsString()
  @Length(0, 5000)
  minutes?: string;

  @ApiPropertyOptional({ type: AttendanceInputDto, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(300)
  @ValidateNested({ each: true })
  @Type(() => AttendanceInputDto)
  attendance?: AttendanceInputDto[];
}

export class GatheringQueryDto {
  @ApiPropertyOptional({ enum: GATHERING_KINDS, default: 'section' })
  @IsOptional()
  @IsIn(GATHERING_KINDS)
  kind?: GatheringKind;

  @ApiPropertyOptional({ type: 'integer', minimum: 2000, maximum: 2100, description: '年度（默认今年）' })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ maxLength: 40, description: '处务会：处室（默认本处室）' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  sectionId?: string;

  @ApiPropertyOptional({ maxLength: 40, description: '支部活动：支部书记（默认本人）' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  secretaryId?: string;
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

export class CreateLedgerSpotCheckDto {
  @ApiProperty({ enum: ['section', 'branch'], description: '处务会记录 section / 支部工作记录本 branch' })
  @IsIn(['section', 'branch'])
  kind!: 'section' | 'branch';

  @ApiProperty({ maxLength: 40, description: '处室编号或支部书记人员编号' })
  @IsString()
  @Length(1, 40)
  targetId!: string;

  @ApiProperty({ type: 'integer', minimum: 2000, maximum: 2100 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 4 })
  @IsInt()
  @Min(1)
  @Max(4)
  quarter!: number;

  @ApiProperty({ minLength: 2, maxLength: 2000 })
  @IsString()
  @Length(2, 2000)
  findings!: string;
}

export class CreateDuesFollowUpDto {
  @ApiProperty({ maxLength: 40, description: '欠缴党费的党员' })
  @IsString()
  @Length(1, 40)
  memberId!: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 120, description: '已欠缴月数' })
  @IsInt()
  @Min(1)
  @Max(120)
  monthsUnpaid!: number;

  @ApiProperty({ format: 'date', description: '督促日期' })
  @IsDateOnly()
  chasedOn!: string;

  @ApiProperty({ minLength: 2, maxLength: 300, description: '督促方式与结果' })
  @IsString()
  @Length(2, 300)
  note!: string;

  @ApiPropertyOptional({ description: '已补缴', default: false })
  @IsOptional()
  @IsBoolean()
  settled?: boolean;

  @ApiPropertyOptional({ maxLength: 40, description: '考评办代录时：支部书记' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  secretaryId?: string;
}

export class LogResearchDto {
  @ApiProperty({ format: 'date' })
  @IsDateOnly()
  date!: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 31, description: '天数' })
  @IsInt()
  @Min(1)
  @Max(31)
  days!: number;

  @ApiProperty({ minLength: 2, maxLength: 100, description: '调研地点（基层联系点）' })
  @IsString()
  @Length(2, 100)
  place!: string;

  @ApiProperty({ minLength: 2, maxLength: 300, description: '调研目的与内容' })
  @IsString()
  @Length(2, 300)
  purpose!: string;
}

export class ResearchQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 2000, maximum: 2100 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ maxLength: 40, description: '处室（默认本处室）' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  sectionId?: string;
}

export class CreateResearchReportDto {
  @ApiPropertyOptional({ format: 'date', description: '完成日期（默认今天）' })
  @IsOptional()
  @IsDateOnly()
  date?: string;

  @ApiProperty({ minLength: 2, maxLength: 100 })
  @IsString()
  @Length(2, 100)
  title!: string;

  @ApiPropertyOptional({ maxLength: 50000, description: '报告正文（或上传文件）' })
  @IsOptional()
  @IsString()
  @Length(0, 50000)
  body?: string;

  @ApiPropertyOptional({ type: String, isArray: true, maxItems: 10, description: '已上传文件编号（POST /api/files）' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(1, 36, { each: true })
  fileIds?: string[];
}
