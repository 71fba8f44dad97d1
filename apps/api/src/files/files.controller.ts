import { Controller, Get, Param, Post, Res, UploadedFile, UseInterceptors, StreamableFile } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../access/decorators.js';
import type { Principal } from '../access/principal.js';
import { RateLimit } from '../common/rate-limit/rate-limit.js';
import { FilesService, type FileInfo } from './files.service.js';

export class FileResponse {
  @ApiProperty({ description: '文件编号，提交记录时引用' }) id!: string;
  @ApiProperty({ example: '/api/files/3f2c…' }) url!: string;
  @ApiProperty({ enum: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] }) mime!: string;
  @ApiProperty({ description: '字节数（去除元数据后）' }) size!: number;
}

const EVERYONE = ['staff', 'chief', 'office', 'leader', 'citizen', 'representative'] as const;

/** Upload hard limit at the transport; the service applies the configured limit with a clear message. */
const MULTER_LIMIT = 20 * 1024 * 1024;

@ApiTags('附件')
@ApiBearerAuth()
@Controller('files')
export class FilesController {
  constructor(private readonly files: FilesService) {}

  @Post()
  @Roles(...EVERYONE)
  @RateLimit('upload')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MULTER_LIMIT, files: 1, fields: 0 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: 'JPG/PNG/WebP 图片或 PDF' } } } })
  @ApiOperation({ summary: '上传附件（照片、PDF）', description: '按文件内容识别类型；图片的 EXIF（含位置信息）会被去除。返回的编号在提交记录时引用。' })
  @ApiCreatedResponse({ type: FileResponse })
  upload(@CurrentUser() user: Principal, @UploadedFile() file: { buffer: Buffer } | undefined): Promise<FileInfo> {
    return this.files.upload(user, file?.buffer);
  }

  @Get(':id')
  @Roles(...EVERYONE)
  @ApiOperation({ summary: '查看附件（本人上传的，或在数据权限范围内的）' })
  @ApiOkResponse({ description: '文件内容' })
  async get(@CurrentUser() user: Principal, @Param('id') id: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { file, bytes, filename } = await this.files.read(user, id);
    res.setHeader('Content-Type', file.mime);
    res.setHeader('Content-Disposition', `inline; filename="${filename}"`);
    res.setHeader('Cache-Control', 'private, max-age=3600');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(bytes);
  }
}
