-- Rows the application's own Postgres migrations insert, so the target is not empty after the
-- schema-first step: a handful of authorization policies, the platform singleton that uses one of
-- them, and the target's own TypeORM migration history. None of these ids occur in the source.

INSERT INTO "authorization_policy" ("id", "createdDate", "updatedDate", "version", "credentialRules", "privilegeRules", "anonymousReadAccess", "type", "parentAuthorizationPolicyId") VALUES
  ('a1000000-0000-4000-8000-000000000001', '2025-01-01 00:00:00', '2025-01-01 00:00:00', 1, '[{"name":"platform-admin","cascade":true,"grantedPrivileges":["create","read","update","delete","grant"],"criterias":[{"type":"global-admin","resourceID":""}]}]', '[]', false, 'platform', NULL),
  ('a1000000-0000-4000-8000-000000000002', '2025-01-01 00:00:00', '2025-01-01 00:00:00', 1, '[{"name":"library-read","cascade":true,"grantedPrivileges":["read"],"criterias":[{"type":"global-registered","resourceID":""}]}]', '[]', true, 'library', 'a1000000-0000-4000-8000-000000000001'),
  ('a1000000-0000-4000-8000-000000000003', '2025-01-01 00:00:00', '2025-01-01 00:00:00', 1, '[{"name":"forum-read","cascade":false,"grantedPrivileges":["read"],"criterias":[{"type":"global-registered","resourceID":""}]}]', '[]', true, 'forum', 'a1000000-0000-4000-8000-000000000001'),
  ('a1000000-0000-4000-8000-000000000004', '2025-01-01 00:00:00', '2025-01-01 00:00:00', 1, '[{"name":"licensing-admin","cascade":true,"grantedPrivileges":["read","update"],"criterias":[{"type":"global-license-manager","resourceID":""}]}]', '[]', false, 'licensing-framework', 'a1000000-0000-4000-8000-000000000001'),
  ('a1000000-0000-4000-8000-000000000005', '2025-01-01 00:00:00', '2025-01-01 00:00:00', 1, '[]', '[]', false, 'storage-aggregator', 'a1000000-0000-4000-8000-000000000001');

INSERT INTO "platform" ("id", "createdDate", "updatedDate", "version", "settings", "authorizationId", "storageAggregatorId") VALUES
  ('a2000000-0000-4000-8000-000000000001', '2025-01-01 00:00:00', '2025-01-01 00:00:00', 1, '{"integration":{"notificationEmailBlacklist":[]}}', 'a1000000-0000-4000-8000-000000000001', NULL);

INSERT INTO "migrations_typeorm" ("timestamp", "name") VALUES
  (1735689600000, 'PostgresBaseline1735689600000'),
  (1735776000000, 'PostgresSeedPlatform1735776000000'),
  (1736985600000, 'UserSettingsJsonb1736985600000');
