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
