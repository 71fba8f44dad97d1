import { Global, Module } from '@nestjs/common';
import { NoticesController } from './notices.controller.js';
import { NoticesService } from './notices.service.js';

/** In-app notices; global so any feature can notify a person inside its transaction. */
@Global()
@Module({ controllers: [NoticesController], providers: [NoticesService], exports: [NoticesService] })
export class NoticesModule {}
