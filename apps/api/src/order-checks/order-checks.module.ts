import { Module } from '@nestjs/common';
import { OrderChecksController } from './order-checks.controller.js';
import { OrderChecksService } from './order-checks.service.js';

/** 卫生秩序定期检查考评 (seed 000 五.(十二)): rounds, score sheets with photos, rankings, corrections on file. No facts provider. */
@Module({ controllers: [OrderChecksController], providers: [OrderChecksService] })
export class OrderChecksModule {}
