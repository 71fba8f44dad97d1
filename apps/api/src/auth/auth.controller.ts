import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { LoginResult, Me, Persona } from '@kaoping/contracts';
import { RateLimit } from '../common/rate-limit/rate-limit.js';
import { BindOpenid, BindTokenOnly, CurrentUser, Public, Roles } from '../access/decorators.js';
import type { Principal } from '../access/principal.js';
import { AuthService, meOf } from './auth.service.js';
import { BindDto, CitizenLoginDto, DevLoginDto, LoginResponse, MeResponse, PersonaResponse, RefreshDto, WechatLoginDto } from './dto/auth.dto.js';

@ApiTags('认证')
@Controller('auth')
@RateLimit('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('wechat')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: '微信登录', description: 'wx.login 的 code 经 code2Session 换取 openid；已绑定返回会话令牌，未绑定返回仅可用于绑定的短期令牌。' })
  @ApiOkResponse({ type: LoginResponse })
  wechat(@Body() dto: WechatLoginDto): Promise<LoginResult> {
    return this.auth.loginWithWechat(dto.code);
  }

  @Post('bind')
  @BindTokenOnly()
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: '用邀请码绑定微信账号', description: '需携带微信登录返回的 bind 令牌；邀请码一次有效、限时有效。' })
  @ApiOkResponse({ type: LoginResponse })
  bind(@BindOpenid() openid: string, @Body() dto: BindDto): Promise<LoginResult> {
    return this.auth.bind(openid, dto.inviteCode);
  }

  @Post('dev')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: '演示登录（仅 KAOPING_DEV_LOGIN=true 时可用，否则 404）' })
  @ApiOkResponse({ type: LoginResponse })
  dev(@Body() dto: DevLoginDto): Promise<LoginResult> {
    return this.auth.devLogin(dto.personId);
  }

  @Get('dev/personas')
  @Public()
  @ApiOperation({ summary: '演示人员列表（仅 KAOPING_DEV_LOGIN=true 时可用，否则 404）' })
  @ApiOkResponse({ type: PersonaResponse, isArray: true })
  personas(): Promise<Persona[]> {
    return this.auth.personas();
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: '刷新会话',
    description: '用刷新令牌换取新的会话令牌和新的刷新令牌（旧刷新令牌随即失效）。已用过的刷新令牌再次出现时，整个会话作废（401），需重新登录。',
  })
  @ApiOkResponse({ type: LoginResponse })
  refresh(@Body() dto: RefreshDto): Promise<LoginResult> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: '退出登录', description: '作废该刷新令牌所属的会话；未知的令牌同样返回 204。' })
  @ApiNoContentResponse({ description: '会话已结束' })
  async logout(@Body() dto: RefreshDto): Promise<void> {
    await this.auth.logout(dto.refreshToken);
  }

  @Post('citizen')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: '市民匿名身份（H5 设备标识）', description: '不需要账号；仅用于提交和查看本人的评价与投诉。' })
  @ApiOkResponse({ type: LoginResponse })
  citizen(@Body() dto: CitizenLoginDto): Promise<LoginResult> {
    return this.auth.citizenLogin(dto.deviceId);
  }

  @Post('citizen/wechat')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: '市民匿名身份（小程序静默登录）', description: 'wx.login 的 code 经 code2Session 换取 openid，只保存其摘要；不需要账号。' })
  @ApiOkResponse({ type: LoginResponse })
  citizenWechat(@Body() dto: WechatLoginDto): Promise<LoginResult> {
    return this.auth.citizenWechatLogin(dto.code);
  }
}

@ApiTags('认证')
@Controller('me')
export class MeController {
  @Get()
  @Roles('staff', 'chief', 'office', 'leader', 'citizen', 'representative')
  @ApiBearerAuth()
  @ApiOperation({ summary: '当前登录身份' })
  @ApiOkResponse({ type: MeResponse })
  me(@CurrentUser() user: Principal): Me {
    return meOf(user);
  }
}
