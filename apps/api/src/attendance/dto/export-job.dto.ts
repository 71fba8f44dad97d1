import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Body of `POST /api/attendance/reports/export` (a background job). */
export class ExportJobDto {
  @ApiProperty({ description: '月份 YYYY-MM', pattern: MONTH.source, maxLength: 7, example: '2024-03' })
  @Matches(MONTH, { message: ({ property }) => `${property} 必须是月份（YYYY-MM）` })
  month!: string;

  @ApiPropertyOptional({ maxLength: 40, description: '处室（不填：全部可见处室；处长只能导出本处室）' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  sectionId?: string;
}
