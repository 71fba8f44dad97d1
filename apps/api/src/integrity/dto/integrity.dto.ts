import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { INTEGRITY_STATUSES, type IntegrityStatus } from '@kaoping/contracts';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value);

export class SaveIntegrityReportDto {
  @ApiProperty({ type: 'integer', minimum: 2000, maximum: 2100, description: '述廉年度' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiProperty({ minLength: 10, maxLength: 20000, description: '述廉报告正文' })
  @IsString()
  @Length(10, 20000)
  body!: string;

  @ApiPropertyOptional({ type: String, isArray: true, maxItems: 10, description: '附件（POST /api/files 返回的编号）' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(1, 36, { each: true })
  fileIds?: string[];

  @ApiPropertyOptional({ description: 'true：提交审核；false：保存草稿', default: false })
  @IsOptional()
  @IsBoolean()
  submit?: boolean;
}

export class IntegrityYearQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 2000, maximum: 2100 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class IntegrityQueueQueryDto extends IntegrityYearQueryDto {
  @ApiPropertyOptional({ enum: INTEGRITY_STATUSES })
  @IsOptional()
  @IsIn(INTEGRITY_STATUSES)
  status?: IntegrityStatus;
}

export class ReviewIntegrityReportDto {
  @ApiProperty({ enum: ['approved', 'returned'], description: '审核通过并归档 approved / 退回修改 returned' })
  @IsIn(['approved', 'returned'])
  decision!: 'approved' | 'returned';

  @ApiPropertyOptional({ maxLength: 1000, description: '审核意见（退回时必填）' })
  @IsOptional()
  @IsString()
  @Length(0, 1000)
  comment?: string;
}

// ---- responses (OpenAPI)

export class IntegrityAttachmentResponse {
  @ApiProperty({ description: '文件编号' }) id!: string;
  @ApiProperty({ enum: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] }) mime!: string;
  @ApiProperty({ description: '带签名的临时链接（1 小时内有效），仅返回给本人和考评办' }) previewUrl!: string;
}

export class IntegrityReportResponse {
  @ApiProperty() id!: string;
  @ApiProperty() personId!: string;
  @ApiProperty() personName!: string;
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty({ description: '报告正文' }) body!: string;
  @ApiProperty({ type: String, isArray: true, description: '附件编号' }) fileIds!: string[];
  @ApiProperty({ type: IntegrityAttachmentResponse, isArray: true, description: '附件（含预览链接）' }) attachments!: IntegrityAttachmentResponse[];
  @ApiProperty({ enum: INTEGRITY_STATUSES }) status!: IntegrityStatus;
  @ApiProperty({ enum: ['political_office', 'party_committee'], description: '政治处、监察室 / 局党委会（考评办登记结果）' }) reviewBody!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) submittedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '审核意见' }) reviewComment!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) reviewedAt!: string | null;
}

export class IntegrityMineResponse {
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty({ type: IntegrityReportResponse, nullable: true }) report!: IntegrityReportResponse | null;
}

export class IntegrityFileResponse {
  @ApiProperty() personId!: string;
  @ApiProperty() personName!: string;
  @ApiProperty({ type: IntegrityReportResponse, isArray: true, description: '已审核归档的述廉报告，新的在前' }) reports!: IntegrityReportResponse[];
}
