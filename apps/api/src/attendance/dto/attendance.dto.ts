import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { CALENDAR_KINDS, LEAVE_STATUSES, LEAVE_TYPES, PUNCH_TYPES, type CalendarKind, type LeaveStatus, type LeaveType, type PunchType } from '@kaoping/contracts';
import { IsDateOnly } from '../../common/http/validation.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const ISO_TIME = { strict: true, strictSeparator: true };
const ISO_MESSAGE = { message: ({ property }: { property: string }) => `${property} 必须是 ISO 8601 时间（如 2024-03-05T08:25:00+08:00）` };
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const BSSID = /^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$/;

export class ClockInDto {
  @ApiProperty({ enum: PUNCH_TYPES, type: String, description: 'in 上班 / out 下班' })
  @IsIn(PUNCH_TYPES)
  type!: PunchType;

  @ApiProperty({ type: Number, minimum: -90, maximum: 90, description: '纬度（gcj02）', example: 30.9405 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  latitude!: number;

  @ApiProperty({ type: Number, minimum: -180, maximum: 180, description: '经度（gcj02）', example: 118.758 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  longitude!: number;

  @ApiProperty({ type: Number, minimum: 0, description: '定位精度（米）', example: 25 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100000)
  accuracy!: number;

  @ApiProperty({ type: String, format: 'date-time', description: '手机上点击打卡的时间' })
  @IsISO8601(ISO_TIME, ISO_MESSAGE)
  clientTime!: string;

  @ApiProperty({ minLength: 8, maxLength: 64, description: '幂等键：同一键重复提交只记一次' })
  @IsString()
  @Length(8, 64)
  @Matches(/^[\w-]+$/)
  idempotencyKey!: string;

  @ApiProperty({ minLength: 1, maxLength: 64, description: '设备编号' })
  @IsString()
  @Length(1, 64)
  deviceId!: string;

  @ApiPropertyOptional({ pattern: BSSID.source, description: '已连接 Wi-Fi 的 BSSID（可取得时）' })
  @IsOptional()
  @IsString()
  @Matches(BSSID)
  bssid?: string;

  @ApiPropertyOptional({ type: Boolean, description: '外勤打卡（须拍照并填写说明）' })
  @IsOptional()
  @IsBoolean()
  field?: boolean;

  @ApiPropertyOptional({ maxLength: 36, description: '外勤现场照片（POST /api/files 返回的 id）' })
  @IsOptional()
  @IsString()
  @Length(1, 36)
  photoFileId?: string;

  @ApiPropertyOptional({ maxLength: 200, description: '外勤说明' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  note?: string;

  @ApiPropertyOptional({ type: Boolean, description: '离线保存后补传' })
  @IsOptional()
  @IsBoolean()
  offline?: boolean;
}

export class MonthQueryDto {
  @ApiPropertyOptional({ description: '月份 YYYY-MM（默认本月）', pattern: MONTH.source, maxLength: 7, example: '2024-03' })
  @IsOptional()
  @Matches(MONTH, { message: ({ property }) => `${property} 必须是月份（YYYY-MM）` })
  month?: string;
}

export class DayQueryDto {
  @ApiPropertyOptional({ description: '日期 YYYY-MM-DD（默认今天）', format: 'date', example: '2024-03-05' })
  @IsOptional()
  @IsDateOnly()
  date?: string;
}

export class YearQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 2000, maximum: 2100, description: '年份（默认今年）' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class SiteDto {
  @ApiProperty({ minLength: 2, maxLength: 60, example: '局机关办公楼' })
  @Transform(trim)
  @IsString()
  @Length(2, 60)
  name!: string;

  @ApiProperty({ type: Number, minimum: -90, maximum: 90, description: '纬度（gcj02）' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  latitude!: number;

  @ApiProperty({ type: Number, minimum: -180, maximum: 180, description: '经度（gcj02）' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  longitude!: number;

  @ApiProperty({ type: 'integer', minimum: 20, maximum: 5000, description: '半径（米）' })
  @IsInt()
  @Min(20)
  @Max(5000)
  radius!: number;

  @ApiProperty({ type: [String], description: '在此打卡的处室' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  sectionIds!: string[];

  @ApiPropertyOptional({ type: [String], description: 'Wi-Fi BSSID 列表（为空则不核对）' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(BSSID, { each: true })
  bssids?: string[];

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateSiteDto {
  @ApiPropertyOptional({ minLength: 2, maxLength: 60 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(2, 60)
  name?: string;

  @ApiPropertyOptional({ type: Number, minimum: -90, maximum: 90 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  latitude?: number;

  @ApiPropertyOptional({ type: Number, minimum: -180, maximum: 180 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  longitude?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 20, maximum: 5000 })
  @IsOptional()
  @IsInt()
  @Min(20)
  @Max(5000)
  radius?: number;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  sectionIds?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(BSSID, { each: true })
  bssids?: string[];

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class ScheduleDto {
  @ApiProperty({ pattern: HHMM.source, example: '08:30', description: '上班时间' })
  @IsString()
  @Matches(HHMM)
  startTime!: string;

  @ApiProperty({ pattern: HHMM.source, example: '17:30', description: '下班时间' })
  @IsString()
  @Matches(HHMM)
  endTime!: string;

  @ApiProperty({ type: [Number], example: [1, 2, 3, 4, 5], description: '工作日（1=周一 … 7=周日）' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  weekdays!: number[];
}

export class CalendarDayDto {
  @ApiProperty({ format: 'date', example: '2024-10-01' })
  @IsDateOnly()
  date!: string;

  @ApiProperty({ enum: CALENDAR_KINDS, type: String, description: 'holiday 节假日 / workday 调休上班' })
  @IsIn(CALENDAR_KINDS)
  kind!: CalendarKind;

  @ApiProperty({ minLength: 1, maxLength: 40, example: '国庆节' })
  @Transform(trim)
  @IsString()
  @Length(1, 40)
  name!: string;
}

export class CreateLeaveDto {
  @ApiProperty({ enum: LEAVE_TYPES, type: String })
  @IsIn(LEAVE_TYPES)
  type!: LeaveType;

  @ApiProperty({ type: String, format: 'date-time', example: '2024-03-05T08:30:00+08:00' })
  @IsISO8601(ISO_TIME, ISO_MESSAGE)
  startAt!: string;

  @ApiProperty({ type: String, format: 'date-time', example: '2024-03-05T12:00:00+08:00' })
  @IsISO8601(ISO_TIME, ISO_MESSAGE)
  endAt!: string;

  @ApiProperty({ minLength: 2, maxLength: 200, description: '事由' })
  @Transform(trim)
  @IsString()
  @Length(2, 200)
  reason!: string;
}

export class LeaveQueryDto {
  @ApiPropertyOptional({ enum: ['mine', 'approvals'], type: String, description: 'mine 我的申请 / approvals 待我审批' })
  @IsOptional()
  @IsIn(['mine', 'approvals'])
  view?: 'mine' | 'approvals';

  @ApiPropertyOptional({ enum: LEAVE_STATUSES, type: String })
  @IsOptional()
  @IsIn(LEAVE_STATUSES)
  status?: LeaveStatus;
}

export class LeaveDecisionDto {
  @ApiProperty({ type: Boolean, description: 'true 批准 / false 退回' })
  @IsBoolean()
  approve!: boolean;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  note?: string;
}

export class GenerateReportDto {
  @ApiProperty({ maxLength: 40, example: 'zf1' })
  @IsString()
  @Length(1, 40)
  sectionId!: string;

  @ApiProperty({ pattern: MONTH.source, maxLength: 7, example: '2024-03' })
  @IsString()
  @Matches(MONTH, { message: ({ property }) => `${property} 必须是月份（YYYY-MM）` })
  month!: string;
}

export class ReportQueryDto extends MonthQueryDto {
  @ApiPropertyOptional({ maxLength: 40, description: '处室（不填：全部可见处室）' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  sectionId?: string;
}
