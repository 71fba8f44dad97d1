import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Files1795540398775 implements MigrationInterface {
  name = 'Files1795540398775';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`files\` (\`id\` varchar(36) NOT NULL, \`ownerKind\` varchar(16) NOT NULL, \`ownerId\` varchar(40) NOT NULL, \`mime\` varchar(32) NOT NULL, \`size\` int NOT NULL, \`sha256\` varchar(64) NOT NULL, \`purpose\` varchar(40) NULL, \`claimedAt\` datetime NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_82cc772031d9c08fe2f29131cb\` (\`ownerKind\`, \`ownerId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_82cc772031d9c08fe2f29131cb\` ON \`files\``);
    await queryRunner.query(`DROP TABLE \`files\``);
  }
}
