import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { WUBI_TYPES } from '@kaoping/contracts';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value);

export class CycleQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 2000, maximum: 2098, description: '周期起始年（默认：覆盖今年的已保存周期，否则今年）' })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(2000)
  @Max(2098)
  startYear?: number;
}

export class ParticipantsQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 2000, maximum: 2100, description: '年度（默认今年）' })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class CycleYearBody {
  @ApiProperty({ type: 'integer', minimum: 2000, maximum: 2100, example: 2025, description: '年度（须在周期的三年之内）' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiProperty({ type: [String], maxItems: 50, example: ['jdk', 'csglk'], description: '当年参评的科室（二级机构）编号，至少一个' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 40, { each: true })
  sectionIds!: string[];
}

export class SaveCycleDto {
  @ApiProperty({ type: 'integer', minimum: 2000, maximum: 2098, example: 2024, description: '周期起始年：周期为起始年起连续三年' })
  @IsInt()
  @Min(2000)
  @Max(2098)
  startYear!: number;

  @ApiProperty({ type: [CycleYearBody], maxItems: 10, description: '三年各自的参评名单（三年都要有，每个参评科室至少安排一年）' })
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => CycleYearBody)
  years!: CycleYearBody[];
}

// ── responses (OpenAPI) ───────────────────────────────────────────────────────────────────────────────────────────

export class NamedSectionResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

export class CycleYearResponse {
  @ApiProperty() year!: number;
  @ApiProperty({ type: [String] }) sectionIds!: string[];
  @ApiProperty({ description: '已结束且已归档：不能修改' }) locked!: boolean;
  @ApiProperty({ nullable: true, type: String }) lockReason!: string | null;
  @ApiProperty({ type: [String], description: '已有五比五评记录、不能移出当年的科室' }) keepSectionIds!: string[];
}

export class CycleSectionResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: WUBI_TYPES, nullable: true, type: String }) wubiType!: string | null;
  @ApiProperty({ type: [Number] }) years!: number[];
  @ApiProperty() covered!: boolean;
}

export class CyclePlanResponse {
  @ApiProperty() startYear!: number;
  @ApiProperty() endYear!: number;
  @ApiProperty({ type: [Number] }) years!: number[];
  @ApiProperty() currentYear!: number;
  @ApiProperty() saved!: boolean;
  @ApiProperty({ type: [CycleYearResponse] }) plan!: CycleYearResponse[];
  @ApiProperty({ type: [CycleSectionResponse] }) sections!: CycleSectionResponse[];
  @ApiProperty({ type: [NamedSectionResponse] }) uncovered!: NamedSectionResponse[];
  @ApiProperty() complete!: boolean;
  @ApiProperty({ nullable: true, type: String, example: '2023–2025' }) overlaps!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) updatedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) updatedByName!: string | null;
}

export class CycleYearCountResponse {
  @ApiProperty() year!: number;
  @ApiProperty() sectionCount!: number;
}

export class CycleSummaryResponse {
  @ApiProperty() startYear!: number;
  @ApiProperty() endYear!: number;
  @ApiProperty() complete!: boolean;
  @ApiProperty({ type: [CycleYearCountResponse] }) years!: CycleYearCountResponse[];
  @ApiProperty({ type: [NamedSectionResponse] }) uncovered!: NamedSectionResponse[];
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class ParticipantsResponse {
  @ApiProperty() year!: number;
  @ApiProperty({ enum: ['plan', 'default'], description: 'plan：按三年周期计划；default：无计划，附件1 全部参评' }) source!: string;
  @ApiProperty({ nullable: true, type: Number }) startYear!: number | null;
  @ApiProperty({ type: [NamedSectionResponse] }) sections!: NamedSectionResponse[];
}
