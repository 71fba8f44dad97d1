import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { NoticeDto, NoticeListDto } from '@kaoping/contracts';
import { CurrentUser, Roles, STAFF } from '../access/decorators.js';
import type { PersonPrincipal } from '../access/principal.js';
import { NoticesService } from './notices.service.js';

export class NoticeResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'incident' }) kind!: string;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ nullable: true, type: String }) link!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) readAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class NoticeListResponse {
  @ApiProperty() unread!: number;
  @ApiProperty({ type: [NoticeResponse] }) items!: NoticeResponse[];
}

@ApiTags('通知')
@ApiBearerAuth()
@Controller('notices')
export class NoticesController {
  constructor(private readonly notices: NoticesService) {}

  @Get()
  @Roles(...STAFF)
  @ApiOperation({ summary: '我的通知（考评事件、申诉结果等）' })
  @ApiOkResponse({ type: NoticeListResponse })
  list(@CurrentUser() user: PersonPrincipal): Promise<NoticeListDto> {
    return this.notices.list(user.id);
  }

  @Post(':id/read')
  @HttpCode(200)
  @Roles(...STAFF)
  @ApiOperation({ summary: '标为已读' })
  @ApiOkResponse({ type: NoticeResponse })
  read(@CurrentUser() user: PersonPrincipal, @Param('id') id: string): Promise<NoticeDto> {
    return this.notices.markRead(user.id, id);
  }
}
