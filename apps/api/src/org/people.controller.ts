import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MembershipDto, PersonDto } from '@kaoping/contracts';
import { CurrentUser, Roles, STAFF } from '../access/decorators.js';
import type { Principal } from '../access/principal.js';
import { assertCanReadPerson, canReadSection, peopleScope } from '../access/scope.js';
import { AuthService } from '../auth/auth.service.js';
import { InviteCodeResponse } from '../auth/dto/auth.dto.js';
import { DomainError } from '../common/errors/domain-error.js';
import { CreateMembershipDto, CreatePersonDto, EndMembershipDto, MembershipResponse, PeopleQueryDto, PersonResponse, UpdatePersonDto } from './dto/org.dto.js';
import { OrgService } from './org.service.js';

@ApiTags('组织机构')
@ApiBearerAuth()
@Controller()
export class PeopleController {
  constructor(
    private readonly org: OrgService,
    private readonly auth: AuthService,
  ) {}

  @Get('people')
  @Roles(...STAFF)
  @ApiOperation({ summary: '人员列表', description: '考评办、局领导：全局；处室负责人：本处室；干部职工：仅本人。' })
  @ApiOkResponse({ type: PersonResponse, isArray: true })
  list(@CurrentUser() user: Principal, @Query() q: PeopleQueryDto): Promise<PersonDto[]> {
    const scope = peopleScope(user);
    if (q.sectionId && scope.kind === 'section' && !canReadSection(user, q.sectionId)) {
      throw DomainError.forbidden('无权查看其他处室的人员');
    }
    return this.org.listPeople(scope, q.sectionId);
  }

  @Post('people')
  @Roles('office')
  @ApiOperation({ summary: '新增人员（考评办）' })
  @ApiCreatedResponse({ type: PersonResponse })
  create(@Body() dto: CreatePersonDto): Promise<PersonDto> {
    return this.org.createPerson(dto);
  }

  @Get('people/:id')
  @Roles(...STAFF)
  @ApiOperation({ summary: '人员详情' })
  @ApiOkResponse({ type: PersonResponse })
  async get(@CurrentUser() user: Principal, @Param('id') id: string): Promise<PersonDto> {
    const { dto } = await this.org.getPerson(id);
    assertCanReadPerson(user, dto);
    return dto;
  }

  @Patch('people/:id')
  @Roles('office')
  @ApiOperation({ summary: '修改人员（考评办）' })
  @ApiOkResponse({ type: PersonResponse })
  update(@Param('id') id: string, @Body() dto: UpdatePersonDto): Promise<PersonDto> {
    return this.org.updatePerson(id, dto);
  }

  @Get('people/:id/memberships')
  @Roles(...STAFF)
  @ApiOperation({ summary: '任职记录（含起止日期）' })
  @ApiOkResponse({ type: MembershipResponse, isArray: true })
  async memberships(@CurrentUser() user: Principal, @Param('id') id: string): Promise<MembershipDto[]> {
    const { dto } = await this.org.getPerson(id);
    assertCanReadPerson(user, dto);
    return this.org.memberships(id);
  }

  @Post('people/:id/memberships')
  @Roles('office')
  @ApiOperation({ summary: '调整任职（考评办）', description: '自开始日期起任新职，原任职于前一日结束。' })
  @ApiCreatedResponse({ type: MembershipResponse, isArray: true })
  addMembership(@Param('id') id: string, @Body() dto: CreateMembershipDto): Promise<MembershipDto[]> {
    return this.org.addMembership(id, dto.sectionId, dto.position, dto.from);
  }

  @Post('memberships/:id/end')
  @Roles('office')
  @ApiOperation({ summary: '结束任职（考评办）' })
  @ApiCreatedResponse({ type: MembershipResponse })
  endMembership(@Param('id') id: string, @Body() dto: EndMembershipDto): Promise<MembershipDto> {
    return this.org.endMembership(id, dto.to);
  }

  @Post('people/:id/invite-codes')
  @Roles('office')
  @ApiOperation({ summary: '发放微信绑定邀请码（考评办）', description: '一次有效、限时有效；邀请码只在此返回一次。' })
  @ApiCreatedResponse({ type: InviteCodeResponse })
  invite(@CurrentUser() user: Principal, @Param('id') id: string): Promise<{ code: string; expiresAt: string }> {
    return this.auth.issueInvite(id, user.id);
  }
}
