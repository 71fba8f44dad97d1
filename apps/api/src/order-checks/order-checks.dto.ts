import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsNumber, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { ORDER_CHECK_KINDS, ORDER_CHECK_STATUSES, type OrderCheckKind } from '@kaoping/contracts';
import { IsDateOnly } from '../common/http/validation.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value);

export class OrderCheckYearQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 2000, maximum: 2100, description: '年度（默认今年）' })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class CreateOrderCheckRoundDto {
  @ApiProperty({ enum: ORDER_CHECK_KINDS, description: 'regular 定期检查 / adhoc 随机抽查' })
  @IsIn(ORDER_CHECK_KINDS)
  kind!: OrderCheckKind;

  @ApiProperty({ format: 'date', example: '2025-03-18', description: '检查日期（不晚于今天）' })
  @IsDateOnly()
  date!: string;

  @ApiProperty({ minLength: 2, maxLength: 100, example: '局办公室 李某某、张某某', description: '检查人' })
  @Transform(trim)
  @IsString()
  @Length(2, 100)
  inspectors!: string;

  @ApiPropertyOptional({ maxLength: 1000, description: '检查说明' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(0, 1000)
  notes?: string;

  @ApiPropertyOptional({ type: [String], maxItems: 60, description: '本轮检查的处室（默认：机关各处室）' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(60)
  @IsString({ each: true })
  @Length(1, 40, { each: true })
  sectionIds?: string[];
}

export class OrderCheckDeductionBody {
  @ApiProperty({ maxLength: 32, example: 'desk', description: '评分项编号（见评分表）' })
  @IsString()
  @Length(1, 32)
  itemId!: string;

  @ApiProperty({ type: 'number', minimum: 0.5, maximum: 100, example: 2, description: '扣分（0.5 的倍数，不超过该项满分）' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.5)
  @Max(100)
  points!: number;

  @ApiProperty({ minLength: 2, maxLength: 200, example: '桌面文件堆放杂乱', description: '扣分原因（发现的问题）' })
  @Transform(trim)
  @IsString()
  @Length(2, 200)
  note!: string;
}

export class SaveOrderCheckSheetDto {
  @ApiProperty({ type: [OrderCheckDeductionBody], maxItems: 30, description: '扣分项（不扣分的项目不填；全部满分时为空数组）' })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => OrderCheckDeductionBody)
  deductions!: OrderCheckDeductionBody[];

  @ApiPropertyOptional({ maxLength: 1000, description: '检查情况说明' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(0, 1000)
  notes?: string;

  @ApiPropertyOptional({ type: [String], maxItems: 9, description: '现场照片（先上传 POST /api/files）' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(9)
  @IsString({ each: true })
  @Length(1, 36, { each: true })
  fileIds?: string[];

  @ApiPropertyOptional({ minLength: 4, maxLength: 500, description: '更正理由（本轮已归档时必填，更正连同理由留档）' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(4, 500)
  reason?: string;
}

// ── responses (OpenAPI) ───────────────────────────────────────────────────────────────────────────────────────────

export class OrderCheckItemResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ example: '卫生' }) group!: string;
  @ApiProperty() label!: string;
  @ApiProperty() max!: number;
  @ApiProperty() standard!: string;
}

export class OrderCheckSheetDefResponse {
  @ApiProperty() version!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [OrderCheckItemResponse] }) items!: OrderCheckItemResponse[];
  @ApiProperty() max!: number;
}

export class OrderCheckDeductionResponse {
  @ApiProperty() itemId!: string;
  @ApiProperty() points!: number;
  @ApiProperty() note!: string;
  @ApiProperty({ description: '评分项名称' }) label!: string;
  @ApiProperty({ description: '该项满分' }) max!: number;
}

export class OrderCheckCorrectionResponse {
  @ApiProperty() reason!: string;
  @ApiProperty() beforeTotal!: number;
  @ApiProperty() afterTotal!: number;
  @ApiProperty() byName!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class OrderCheckFileResponse {
  @ApiProperty() id!: string;
  @ApiProperty() mime!: string;
  @ApiProperty({ description: '带签名的临时链接（1 小时内有效）' }) previewUrl!: string;
}

export class OrderCheckSheetResponse {
  @ApiProperty() roundId!: string;
  @ApiProperty() sectionId!: string;
  @ApiProperty() sectionName!: string;
  @ApiProperty() scored!: boolean;
  @ApiProperty({ nullable: true, type: Number }) total!: number | null;
  @ApiProperty() max!: number;
  @ApiProperty({ type: [OrderCheckDeductionResponse] }) deductions!: OrderCheckDeductionResponse[];
  @ApiProperty({ nullable: true, type: String }) notes!: string | null;
  @ApiProperty({ type: [String] }) fileIds!: string[];
  @ApiProperty({ type: [OrderCheckFileResponse] }) files!: OrderCheckFileResponse[];
  @ApiProperty({ nullable: true, type: String }) recordedByName!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) recordedAt!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: '本轮名次（考评办、局领导、本处室负责人可见）' }) rank!: number | null;
  @ApiProperty({ type: [OrderCheckCorrectionResponse] }) corrections!: OrderCheckCorrectionResponse[];
}

export class OrderCheckRankRowResponse {
  @ApiProperty() rank!: number;
  @ApiProperty() sectionId!: string;
  @ApiProperty() sectionName!: string;
  @ApiProperty() total!: number;
}

export class OrderCheckRoundSummaryResponse {
  @ApiProperty() id!: string;
  @ApiProperty() year!: number;
  @ApiProperty() round!: number;
  @ApiProperty({ enum: ORDER_CHECK_KINDS }) kind!: string;
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty() inspectors!: string;
  @ApiProperty({ enum: ORDER_CHECK_STATUSES }) status!: string;
  @ApiProperty() sectionCount!: number;
  @ApiProperty() scoredCount!: number;
  @ApiProperty({ nullable: true, type: Number }) average!: number | null;
  @ApiProperty({ nullable: true, type: OrderCheckRankRowResponse }) top!: OrderCheckRankRowResponse | null;
}

export class NamedSectionRefResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

export class OrderCheckRoundResponse extends OrderCheckRoundSummaryResponse {
  @ApiProperty({ nullable: true, type: String }) notes!: string | null;
  @ApiProperty({ type: OrderCheckSheetDefResponse }) sheet!: OrderCheckSheetDefResponse;
  @ApiProperty({ type: [OrderCheckSheetResponse] }) sheets!: OrderCheckSheetResponse[];
  @ApiProperty({ type: [OrderCheckRankRowResponse] }) ranking!: OrderCheckRankRowResponse[];
  @ApiProperty({ type: [NamedSectionRefResponse] }) missing!: NamedSectionRefResponse[];
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) closedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) closedByName!: string | null;
}

export class OrderCheckYearRoundResponse {
  @ApiProperty() id!: string;
  @ApiProperty() round!: number;
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty({ enum: ORDER_CHECK_KINDS }) kind!: string;
}

export class OrderCheckYearRowResponse {
  @ApiProperty() rank!: number;
  @ApiProperty() sectionId!: string;
  @ApiProperty() sectionName!: string;
  @ApiProperty() average!: number;
  @ApiProperty() rounds!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: '各轮得分（轮次编号 → 得分）' }) totals!: Record<string, number>;
}

export class OrderCheckYearResponse {
  @ApiProperty() year!: number;
  @ApiProperty({ type: [OrderCheckYearRoundResponse] }) rounds!: OrderCheckYearRoundResponse[];
  @ApiProperty({ type: [OrderCheckYearRowResponse] }) rows!: OrderCheckYearRowResponse[];
}

export class MyOrderCheckSheetResponse extends OrderCheckSheetResponse {
  @ApiProperty() round!: number;
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty({ enum: ORDER_CHECK_KINDS }) kind!: string;
  @ApiProperty({ description: '本轮参与排名的处室数' }) sectionCount!: number;
}

export class MyOrderChecksResponse {
  @ApiProperty() year!: number;
  @ApiProperty({ nullable: true, type: String }) sectionId!: string | null;
  @ApiProperty({ nullable: true, type: String }) sectionName!: string | null;
  @ApiProperty() showsRank!: boolean;
  @ApiProperty({ type: [MyOrderCheckSheetResponse] }) sheets!: MyOrderCheckSheetResponse[];
  @ApiProperty({ nullable: true, type: Number }) average!: number | null;
  @ApiProperty({ nullable: true, type: Number }) yearRank!: number | null;
  @ApiProperty() yearSections!: number;
}
