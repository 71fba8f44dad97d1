import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { POSITIONS, ROLES, SECTION_CATEGORIES, WUBI_TYPES, type Position, type SectionCategory, type WubiType } from '@kaoping/contracts';
import { IsDateOnly } from '../../common/http/validation.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class SectionResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiPropertyOptional({ enum: SECTION_CATEGORIES, nullable: true, type: String }) category!: SectionCategory | null;
  @ApiPropertyOptional({ enum: WUBI_TYPES, nullable: true, type: String }) wubiType!: WubiType | null;
  @ApiProperty() researchRequired!: boolean;
}

export class CreateSectionDto {
  @ApiProperty({ minLength: 2, maxLength: 60, example: '执法三处' })
  @Transform(trim)
  @IsString()
  @Length(2, 60)
  name!: string;

  @ApiPropertyOptional({ enum: SECTION_CATEGORIES, nullable: true, type: String, description: '业务类 business / 党务类 party；不参加机关考评为 null' })
  @IsOptional()
  @IsIn(SECTION_CATEGORIES)
  category?: SectionCategory | null;

  @ApiPropertyOptional({ enum: WUBI_TYPES, nullable: true, type: String, description: '五比五评参评类型；不参评为 null' })
  @IsOptional()
  @IsIn(WUBI_TYPES)
  wubiType?: WubiType | null;

  @ApiPropertyOptional({ description: '须完成下基层调研（NB-10/NB-11）', default: false })
  @IsOptional()
  @IsBoolean()
  researchRequired?: boolean;
}

export class UpdateSectionDto {
  @ApiPropertyOptional({ minLength: 2, maxLength: 60 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(2, 60)
  name?: string;

  @ApiPropertyOptional({ enum: SECTION_CATEGORIES, nullable: true, type: String })
  @IsOptional()
  @IsIn(SECTION_CATEGORIES)
  category?: SectionCategory | null;

  @ApiPropertyOptional({ enum: WUBI_TYPES, nullable: true, type: String })
  @IsOptional()
  @IsIn(WUBI_TYPES)
  wubiType?: WubiType | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  researchRequired?: boolean;
}

export class DateQueryDto {
  @ApiPropertyOptional({ description: '日期 YYYY-MM-DD（默认今天，按本局时区）', example: '2024-03-05', format: 'date' })
  @IsOptional()
  @IsDateOnly()
  date?: string;
}

export class PeopleQueryDto {
  @ApiPropertyOptional({ description: '只看某处室', maxLength: 40 })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  sectionId?: string;
}

export class PersonResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiPropertyOptional({ enum: POSITIONS, nullable: true, type: String }) position!: Position | null;
  @ApiPropertyOptional({ nullable: true, type: String }) sectionId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) sectionName!: string | null;
  @ApiProperty() branchSecretary!: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiProperty({ description: '是否已绑定微信' }) bound!: boolean;
}

export class SectionMembersResponse {
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty({ type: SectionResponse }) section!: SectionResponse;
  @ApiPropertyOptional({ type: PersonResponse, nullable: true }) chief!: PersonResponse | null;
  @ApiProperty({ type: PersonResponse, isArray: true }) deputies!: PersonResponse[];
  @ApiProperty({ type: PersonResponse, isArray: true }) staff!: PersonResponse[];
}

export class MembershipResponse {
  @ApiProperty() id!: string;
  @ApiProperty() personId!: string;
  @ApiProperty() sectionId!: string;
  @ApiProperty() sectionName!: string;
  @ApiProperty({ enum: POSITIONS }) position!: Position;
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiPropertyOptional({ format: 'date', nullable: true, type: String }) to!: string | null;
}

const PHONE = /^1\d{10}$/;

export class CreatePersonDto {
  @ApiProperty({ minLength: 2, maxLength: 40, example: '张三' })
  @Transform(trim)
  @IsString()
  @Length(2, 40)
  name!: string;

  @ApiPropertyOptional({ description: '手机号（11 位）', pattern: '^1\\d{10}$', nullable: true, type: String })
  @IsOptional()
  @Matches(PHONE)
  phone?: string | null;

  @ApiPropertyOptional({ description: '支部书记', default: false })
  @IsOptional()
  @IsBoolean()
  branchSecretary?: boolean;

  @ApiPropertyOptional({ enum: ['office', 'leader'], nullable: true, type: String, description: '全局权限：考评办 office / 局领导 leader' })
  @IsOptional()
  @IsIn(['office', 'leader'])
  accessRole?: 'office' | 'leader' | null;

  @ApiPropertyOptional({ description: '所在处室', maxLength: 40 })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  sectionId?: string;

  @ApiPropertyOptional({ enum: POSITIONS, default: 'staff' })
  @IsOptional()
  @IsIn(POSITIONS)
  position?: Position;

  @ApiPropertyOptional({ format: 'date', description: '任职开始日期（默认今天）' })
  @IsOptional()
  @IsDateOnly()
  from?: string;
}

export class UpdatePersonDto {
  @ApiPropertyOptional({ minLength: 2, maxLength: 40 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(2, 40)
  name?: string;

  @ApiPropertyOptional({ pattern: '^1\\d{10}$', nullable: true, type: String })
  @IsOptional()
  @Matches(PHONE)
  phone?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  branchSecretary?: boolean;

  @ApiPropertyOptional({ enum: ['office', 'leader'], nullable: true, type: String })
  @IsOptional()
  @IsIn(['office', 'leader'])
  accessRole?: 'office' | 'leader' | null;

  @ApiPropertyOptional({ description: '在职' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class CreateMembershipDto {
  @ApiProperty({ maxLength: 40 })
  @IsString()
  @Length(1, 40)
  sectionId!: string;

  @ApiProperty({ enum: POSITIONS })
  @IsIn(POSITIONS)
  position!: Position;

  @ApiProperty({ format: 'date', description: '任职开始日期；原任职于前一日结束' })
  @IsDateOnly()
  from!: string;
}

export class EndMembershipDto {
  @ApiProperty({ format: 'date', description: '任职结束日期（含）' })
  @IsDateOnly()
  to!: string;
}
