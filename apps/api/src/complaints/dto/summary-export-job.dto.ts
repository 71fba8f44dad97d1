import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Body of `POST /api/complaints/summary/export` (a background job). */
export class SummaryExportJobDto {
  @ApiProperty({ description: '月份 YYYY-MM', pattern: MONTH.source, maxLength: 7, example: '2026-06' })
  @IsString()
  @Matches(MONTH, { message: ({ property }) => `${property} 必须是月份（YYYY-MM）` })
  month!: string;
}
