import { Module } from '@nestjs/common';
import { BoardsService } from './boards.service.js';
import { OpenDaysService } from './open-days.service.js';
import { PublicityController, PublicityPublicController } from './publicity.controller.js';

/** 进度公示 (a public progress board per participating section, approved by the office) and 公众开放日. */
@Module({ controllers: [PublicityPublicController, PublicityController], providers: [BoardsService, OpenDaysService], exports: [BoardsService, OpenDaysService] })
export class PublicityModule {}
