import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { getDataSourceToken } from '@nestjs/typeorm';
import express from 'express';
import { Logger } from 'nestjs-pino';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { AppModule, type AppOptions } from './app.module.js';
import { DomainExceptionFilter } from './common/errors/domain-exception.filter.js';
import { requestTimeout } from './common/http/request-timeout.js';
import { limitBodyDepth } from './common/http/body-depth.js';
import { securityHeaders } from './common/http/security-headers.js';
import { createValidationPipe } from './common/http/validation.js';
import { armQueryTimeout } from './database/data-source.js';
import { withDbLock } from './database/db-lock.js';
import { seedDemoIfEmpty } from './seed/demo.js';

export const API_PREFIX = 'api';

export function buildOpenApi(app: NestExpressApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('考评 Kaoping API')
    .setDescription(
      '城管执法局绩效考评系统接口。所有错误返回 `{statusCode, code, message, field?}`；除标注为公开的接口外，均需 `Authorization: Bearer <token>`。',
    )
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** Builds the whole app (used by main.ts and by every integration test). */
export async function createApp(options: AppOptions): Promise<NestExpressApplication> {
  const { env } = options;
  // abortOnError: false — a start-up failure (e.g. the database unreachable) reaches the caller, which says why in Chinese
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), { bufferLogs: true, bodyParser: false, abortOnError: false });
  app.useLogger(app.get(Logger));
  app.set('trust proxy', env.trustProxy);
  app.use(securityHeaders(env));
  app.use(express.json({ limit: '1mb' }));
  app.use(express.urlencoded({ extended: false, limit: '1mb' }));
  app.use(limitBodyDepth());
  // no request waits for ever on a frozen database or a hanging dependency
  app.use(requestTimeout(env.REQUEST_TIMEOUT_MS, env.RETRY_AFTER_SECONDS));
  // Body-parser errors happen before Nest's pipeline: answer them in the same JSON shape here.
  const errors = new DomainExceptionFilter();
  app.use((err: { type?: string }, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (!err?.type?.startsWith('entity.') && err?.type !== 'encoding.unsupported' && err?.type !== 'charset.unsupported') return next(err);
    const body = errors.toBody(err);
    res.status(body.statusCode).json(body);
  });
  const h5 = env.h5Dir;
  if (h5 && existsSync(join(h5, 'index.html'))) {
    app.use(express.static(h5, { index: 'index.html', maxAge: '1h', setHeaders: (res, path) => path.endsWith('index.html') && res.setHeader('Cache-Control', 'no-cache') }));
  }
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  const document = buildOpenApi(app);
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, { jsonDocumentUrl: `${API_PREFIX}/docs-json`, customSiteTitle: '考评 Kaoping API 文档' });

  // Several instances may start together on an empty database: start-up writes (reference data loaded by modules
  // on bootstrap, the demo seed) run one instance at a time; the later ones find the data there.
  const ds = app.get<DataSource>(getDataSourceToken());
  await withDbLock(ds, 'bootstrap', async () => {
    await app.init();
    if (env.SEED_DEMO) await seedDemoIfEmpty(ds);
  });
  armQueryTimeout(ds, env);
  return app;
}
