import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsLatitude,
  IsLongitude,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_SOURCES,
  COMPLAINT_STATUSES,
  MANUAL_SOURCES,
  type ComplaintCategory,
  type ComplaintStatus,
  type ManualSource,
} from '@kaoping/contracts';
import { IsDateOnly } from '../../common/http/validation.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export const MAX_PHOTOS = 6;
export const MAX_CONTENT = 1000;
const PHONE = /^[0-9+\-\s()]{5,20}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The public form (QR / H5 / mini-program). No account needed; photos need the citizen token (they are uploaded first). */
export class CreateComplaintDto {
  @ApiProperty({ enum: COMPLAINT_CATEGORIES, description: '类别：attitude 服务态度 / efficiency 办事效率 / integrity 廉洁问题 / other 其他' })
  @IsIn(COMPLAINT_CATEGORIES)
  category!: ComplaintCategory;

  @ApiProperty({ description: '投诉内容', minLength: 5, maxLength: MAX_CONTENT })
  @Transform(trim)
  @IsString()
  @Length(5, MAX_CONTENT)
  content!: string;

  @ApiPropertyOptional({ description: '涉及处室（知道的话）', maxLength: 40 })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  sectionId?: string;

  @ApiPropertyOptional({ description: '涉及人员（姓名、执法证号等，知道的话）', maxLength: 60 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(60)
  officerHint?: string;

  @ApiPropertyOptional({ type: [String], description: `照片（先经 POST /api/files 上传），最多 ${MAX_PHOTOS} 张`, maxItems: MAX_PHOTOS })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_PHOTOS)
  @IsUUID('all', { each: true })
  photoFileIds?: string[];

  @ApiPropertyOptional({ description: '地点描述', maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  address?: string;

  @ApiPropertyOptional({ type: Number, description: '纬度', minimum: -90, maximum: 90 })
  @IsOptional()
  @IsLatitude()
  latitude?: number;

  @ApiPropertyOptional({ type: Number, description: '经度', minimum: -180, maximum: 180 })
  @IsOptional()
  @IsLongitude()
  longitude?: number;

  @ApiPropertyOptional({ description: '联系人（可不填）', maxLength: 40 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(40)
  contactName?: string;

  @ApiPropertyOptional({ description: '联系电话（可不填）', pattern: PHONE.source })
  @IsOptional()
  @IsString()
  @Matches(PHONE)
  contactPhone?: string;
}

/** Entered by the 监察室: a call to the complaint phone, a letter, a visit, a single hotline work order. */
export class ManualComplaintDto {
  @ApiProperty({ enum: MANUAL_SOURCES, description: '渠道' })
  @IsIn(MANUAL_SOURCES)
  source!: ManualSource;

  @ApiPropertyOptional({ description: '热线工单编号', pattern: '^[A-Za-z0-9_-]{1,40}$' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,40}$/)
  ticketNo?: string;

  @ApiProperty({ description: '受理时间（ISO 8601）', format: 'date-time', example: '2026-05-06T09:30:00+08:00' })
  @IsISO8601({ strict: true })
  receivedAt!: string;

  @ApiProperty({ enum: COMPLAINT_CATEGORIES })
  @IsIn(COMPLAINT_CATEGORIES)
  category!: ComplaintCategory;

  @ApiProperty({ minLength: 2, maxLength: 2000 })
  @Transform(trim)
  @IsString()
  @Length(2, 2000)
  content!: string;

  @ApiPropertyOptional({ maxLength: 40 })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  sectionId?: string;

  @ApiPropertyOptional({ maxLength: 40 })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  personId?: string;

  @ApiPropertyOptional({ maxLength: 40 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(40)
  contactName?: string;

  @ApiPropertyOptional({ pattern: PHONE.source })
  @IsOptional()
  @IsString()
  @Matches(PHONE)
  contactPhone?: string;
}

export class AssignComplaintDto {
  @ApiProperty({ description: '承办处室', maxLength: 40 })
  @IsString()
  @Length(1, 40)
  sectionId!: string;

  @ApiProperty({ description: '办结时限 YYYY-MM-DD', format: 'date' })
  @IsDateOnly()
  deadline!: string;

  @ApiPropertyOptional({ description: '被投诉人（已知时）', maxLength: 40 })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  personId?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class InvestigateComplaintDto {
  @ApiProperty({ description: '调查情况（内部）', minLength: 2, maxLength: 2000 })
  @Transform(trim)
  @IsString()
  @Length(2, 2000)
  findings!: string;

  @ApiPropertyOptional({ description: '经调查确定的被投诉人', maxLength: 40 })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  personId?: string;
}

export class ConcludeComplaintDto {
  @ApiProperty({ enum: ['verified', 'unfounded'], description: 'verified 查实 / unfounded 不属实' })
  @IsIn(['verified', 'unfounded'])
  outcome!: 'verified' | 'unfounded';

  @ApiPropertyOptional({ enum: COMPLAINT_CATEGORIES, description: '认定的类别（决定扣分规则）' })
  @IsOptional()
  @IsIn(COMPLAINT_CATEGORIES)
  category?: ComplaintCategory;

  @ApiPropertyOptional({ maxLength: 40 })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  personId?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class ReplyComplaintDto {
  @ApiProperty({ description: '答复投诉人的内容（凭查询码可见）', minLength: 2, maxLength: 1000 })
  @Transform(trim)
  @IsString()
  @Length(2, 1000)
  reply!: string;
}

export class MergeComplaintDto {
  @ApiProperty({ description: '合并到的投诉编号（保留的那一件）', maxLength: 40 })
  @IsString()
  @Length(1, 40)
  intoId!: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class ComplaintListQueryDto {
  @ApiPropertyOptional({ enum: COMPLAINT_STATUSES })
  @IsOptional()
  @IsIn(COMPLAINT_STATUSES)
  status?: ComplaintStatus;

  @ApiPropertyOptional({ type: Boolean, description: '只看超期未办结' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ description: '月份 YYYY-MM（按受理时间）', pattern: MONTH.source, maxLength: 7 })
  @IsOptional()
  @IsString()
  @Matches(MONTH)
  month?: string;

  @ApiPropertyOptional({ maxLength: 40 })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  sectionId?: string;

  @ApiPropertyOptional({ enum: COMPLAINT_SOURCES })
  @IsOptional()
  @IsIn(COMPLAINT_SOURCES)
  source?: string;
}

export class MonthQueryDto {
  @ApiPropertyOptional({ description: '月份 YYYY-MM（默认本月）', pattern: MONTH.source, maxLength: 7 })
  @IsOptional()
  @IsString()
  @Matches(MONTH)
  month?: string;
}

export class ComplaintCreatedResponse {
  @ApiProperty({ description: '查询码（凭此查询进度和答复）' }) trackingCode!: string;
  @ApiProperty({ enum: COMPLAINT_STATUSES }) status!: string;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
}

export class TrackTimelineEntry {
  @ApiProperty({ enum: COMPLAINT_STATUSES }) status!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class ComplaintTrackResponse {
  @ApiProperty() trackingCode!: string;
  @ApiProperty({ enum: COMPLAINT_CATEGORIES }) category!: string;
  @ApiProperty({ enum: COMPLAINT_STATUSES }) status!: string;
  @ApiProperty() statusLabel!: string;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ type: [TrackTimelineEntry] }) timeline!: TrackTimelineEntry[];
  @ApiPropertyOptional({ nullable: true, type: String }) reply!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) repliedAt!: string | null;
}

export class ComplaintCostResponse {
  @ApiProperty({ enum: ['jiguan', 'wubi'] }) scheme!: string;
  @ApiProperty({ example: 'DE-5' }) rule!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ example: '本人 −3，处长 −1，每位副处长 −1' }) cost!: string;
}

export class ComplaintResponse {
  @ApiProperty() id!: string;
  @ApiProperty() trackingCode!: string;
  @ApiProperty({ enum: COMPLAINT_SOURCES }) source!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) ticketNo!: string | null;
  @ApiProperty({ enum: COMPLAINT_CATEGORIES }) category!: string;
  @ApiProperty({ enum: COMPLAINT_STATUSES }) status!: string;
  @ApiPropertyOptional({ enum: ['verified', 'unfounded'], nullable: true, type: String }) outcome!: string | null;
  @ApiProperty() content!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) sectionName!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) personName!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date' }) deadline!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: '仅监察室可见' }) contactName!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: '仅监察室可见' }) contactPhone!: string | null;
  @ApiProperty({ type: [ComplaintCostResponse] }) costs!: ComplaintCostResponse[];
}

export class ComplaintSummaryResponse {
  @ApiProperty() month!: string;
  @ApiProperty() total!: number;
  @ApiProperty() overdue!: number;
  @ApiProperty() concluded!: number;
  @ApiProperty() verified!: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) verifiedRate!: number | null;
}

export class ImportResultResponse {
  @ApiProperty() imported!: number;
  @ApiProperty({ type: [String] }) ids!: string[];
}

export class SectionOptionResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}
