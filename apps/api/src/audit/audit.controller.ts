import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import type { AuditPageDto } from '@kaoping/contracts';
import { Roles } from '../access/decorators.js';
import { IsDateOnly } from '../common/http/validation.js';
import { AuditService } from './audit.service.js';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value);

export class AuditQueryDto {
  @ApiPropertyOptional({ maxLength: 60, description: '表名，如 incidents' })
  @IsOptional()
  @IsString()
  @Length(1, 60)
  entity?: string;

  @ApiPropertyOptional({ maxLength: 80, description: '操作人，如 p039、system、citizen:…' })
  @IsOptional()
  @IsString()
  @Length(1, 80)
  actor?: string;

  @ApiPropertyOptional({ format: 'date', description: '起始日期（UTC，含）' })
  @IsOptional()
  @IsDateOnly()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: '截止日期（UTC，含）' })
  @IsOptional()
  @IsDateOnly()
  to?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100000 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100000)
  page?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}

export class AuditEntryResponse {
  @ApiProperty() seq!: number;
  @ApiProperty({ description: 'UTC 时间（ISO）' }) at!: string;
  @ApiProperty() actor!: string;
  @ApiProperty({ nullable: true, type: String }) actorRole!: string | null;
  @ApiProperty({ enum: ['insert', 'update', 'delete', 'update-bulk', 'delete-bulk'] }) action!: string;
  @ApiProperty() entity!: string;
  @ApiProperty({ nullable: true, type: String }) entityId!: string | null;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true }) before!: unknown;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true }) after!: unknown;
  @ApiProperty() hash!: string;
}

export class AuditPageResponse {
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty({ type: [AuditEntryResponse] }) items!: AuditEntryResponse[];
}

@ApiTags('审计日志')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('office')
  @ApiOperation({ summary: '审计日志（只读）', description: '每一次写入：谁、何时、做了什么、前后数据。日志只追加、带哈希链，`npm run audit:verify` 可校验。' })
  @ApiOkResponse({ type: AuditPageResponse })
  list(@Query() q: AuditQueryDto): Promise<AuditPageDto> {
    return this.audit.page(q);
  }
}
