import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length, Matches } from 'class-validator';
import { POSITIONS, ROLES } from '@kaoping/contracts';

export class WechatLoginDto {
  @ApiProperty({ description: 'wx.login() 返回的临时登录凭证 code', minLength: 1, maxLength: 128, example: '0a1b2c3d4e' })
  @IsString()
  @Length(1, 128)
  code!: string;
}

export class BindDto {
  @ApiProperty({ description: '考评办发放的邀请码（6–12 位字母或数字，不区分大小写）', pattern: '^[A-Za-z0-9]{6,12}$', example: 'K7M4Q9TX' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsString()
  @Matches(/^[A-Z0-9]{6,12}$/)
  inviteCode!: string;
}

export class DevLoginDto {
  @ApiProperty({ description: '演示人员编号', minLength: 1, maxLength: 40, example: 'p015' })
  @IsString()
  @Length(1, 40)
  personId!: string;
}

export class CitizenLoginDto {
  @ApiProperty({ description: '设备标识（H5 随机生成并保存在本机）', pattern: '^[A-Za-z0-9_-]{16,64}$', example: 'dev_4f9c2a7b1e0d3c5a' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{16,64}$/)
  deviceId!: string;
}

export class RefreshDto {
  @ApiProperty({ description: '登录时返回的刷新令牌（一次有效，换取新的会话令牌与刷新令牌）', pattern: '^rt_[A-Za-z0-9_-]{43}$', example: 'rt_' + 'A'.repeat(43) })
  @IsString()
  @Matches(/^rt_[A-Za-z0-9_-]{43}$/)
  refreshToken!: string;
}

export class MeResponse {
  @ApiProperty({ enum: ['person', 'citizen', 'representative'] }) kind!: string;
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiPropertyOptional({ enum: POSITIONS, nullable: true, type: String }) position!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) sectionId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) sectionName!: string | null;
  @ApiProperty() branchSecretary!: boolean;
}

export class LoginResponse {
  @ApiProperty({ enum: ['access', 'bind'], description: 'access：已登录；bind：需输入邀请码绑定' }) kind!: string;
  @ApiProperty() token!: string;
  @ApiProperty({ description: '有效期（秒）' }) expiresIn!: number;
  @ApiPropertyOptional({ description: '刷新令牌（access 会话才有；一次有效，轮换使用）' }) refreshToken?: string;
  @ApiPropertyOptional({ description: '刷新令牌有效期（秒）' }) refreshExpiresIn?: number;
  @ApiPropertyOptional({ type: MeResponse }) me?: MeResponse;
}

export class PersonaResponse {
  @ApiProperty() personId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiPropertyOptional({ enum: POSITIONS, nullable: true, type: String }) position!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) sectionName!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty() featured!: boolean;
}

export class InviteCodeResponse {
  @ApiProperty({ description: '邀请码（仅显示一次）' }) code!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}
