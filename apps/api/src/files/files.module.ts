import { Global, Module } from '@nestjs/common';
import { FilesController } from './files.controller.js';
import { FilesService } from './files.service.js';

/** Uploads (photos, PDFs) shared by every feature: `POST /api/files`, then refer to the id and `claim` it. Global: inject FilesService anywhere. */
@Global()
@Module({
  controllers: [FilesController],
  providers: [FilesService],
  exports: [FilesService],
})
export class FilesModule {}
