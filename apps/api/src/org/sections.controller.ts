import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SectionDto } from '@kaoping/contracts';
import { CurrentUser, Roles, STAFF } from '../access/decorators.js';
import type { Principal } from '../access/principal.js';
import { assertCanReadSection } from '../access/scope.js';
import { CreateSectionDto, DateQueryDto, SectionMembersResponse, SectionResponse, UpdateSectionDto } from './dto/org.dto.js';
import { OrgService, type SectionMembers } from './org.service.js';

@ApiTags('组织机构')
@ApiBearerAuth()
@Controller('sections')
export class SectionsController {
  constructor(private readonly org: OrgService) {}

  @Get()
  @Roles(...STAFF)
  @ApiOperation({ summary: '处室列表' })
  @ApiOkResponse({ type: SectionResponse, isArray: true })
  list(): Promise<SectionDto[]> {
    return this.org.listSections();
  }

  @Post()
  @Roles('office')
  @ApiOperation({ summary: '新增处室（考评办）' })
  @ApiCreatedResponse({ type: SectionResponse })
  create(@Body() dto: CreateSectionDto): Promise<SectionDto> {
    return this.org.createSection({ name: dto.name, category: dto.category ?? null, wubiType: dto.wubiType ?? null, researchRequired: dto.researchRequired ?? false });
  }

  @Patch(':id')
  @Roles('office')
  @ApiOperation({ summary: '修改处室（考评办）' })
  @ApiOkResponse({ type: SectionResponse })
  update(@Param('id') id: string, @Body() dto: UpdateSectionDto): Promise<SectionDto> {
    return this.org.updateSection(id, dto);
  }

  @Get(':id/members')
  @Roles(...STAFF)
  @ApiOperation({ summary: '某日处室成员（含当日处长、副处长）', description: '按任职起止日期查询：例如“2024-03-05 执法一处的处长是谁”。干部职工与处室负责人只能查看本处室。' })
  @ApiOkResponse({ type: SectionMembersResponse })
  async members(@CurrentUser() user: Principal, @Param('id') id: string, @Query() q: DateQueryDto): Promise<SectionMembers> {
    assertCanReadSection(user, id);
    return this.org.membersOn(id, q.date ?? this.org.today());
  }
}

