-- Kratos-shaped target baseline: the schema the identity server's own Postgres migrations create.
-- Flyway runs it in the current schema (public) of a fresh PostgreSQL 17 database.
-- Differences from the MySQL source are deliberate: see docs/datasets.md.

CREATE TABLE "networks" (
  "id" uuid NOT NULL,
  "created_at" timestamp without time zone NOT NULL,
  "updated_at" timestamp without time zone NOT NULL,
  CONSTRAINT "networks_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "identity_credential_types" (
  "id" uuid NOT NULL,
  "name" character varying(32) NOT NULL,
  CONSTRAINT "identity_credential_types_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "identity_credential_types_name_idx" UNIQUE ("name")
);

CREATE TABLE "schema_migration" (
  "version" character varying(48) NOT NULL,
  "version_self" integer NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX "schema_migration_version_idx" ON "schema_migration" ("version");
CREATE INDEX "schema_migration_version_self_idx" ON "schema_migration" ("version_self");

-- No traits_email column here: the MySQL virtual column has no Postgres counterpart.
CREATE TABLE "identities" (
  "id" uuid NOT NULL,
  "nid" uuid NOT NULL,
  "schema_id" character varying(2048) NOT NULL,
  "traits" jsonb NOT NULL,
  "state" character varying(255) NOT NULL DEFAULT 'active',
  "state_changed_at" timestamp without time zone,
  "metadata_public" jsonb,
  "metadata_admin" json,
  "created_at" timestamp without time zone NOT NULL,
  "updated_at" timestamp without time zone NOT NULL,
  CONSTRAINT "identities_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "identities_state_check" CHECK ("state" IN ('active', 'inactive'))
);
CREATE INDEX "identities_nid_idx" ON "identities" ("id", "nid");

CREATE TABLE "identity_credentials" (
  "id" uuid NOT NULL,
  "config" jsonb NOT NULL,
  "identity_credential_type_id" uuid NOT NULL,
  "identity_id" uuid NOT NULL,
  "nid" uuid NOT NULL,
  "version" integer NOT NULL DEFAULT 0,
  "created_at" timestamp without time zone NOT NULL,
  "updated_at" timestamp without time zone NOT NULL,
  CONSTRAINT "identity_credentials_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "identity_credentials_identity_id_idx" ON "identity_credentials" ("identity_id");

CREATE TABLE "identity_credential_identifiers" (
  "id" uuid NOT NULL,
  "identifier" character varying(255) NOT NULL,
  "identity_credential_id" uuid NOT NULL,
  "identity_credential_type_id" uuid NOT NULL,
  "nid" uuid,
  "created_at" timestamp without time zone NOT NULL,
  "updated_at" timestamp without time zone NOT NULL,
  CONSTRAINT "identity_credential_identifiers_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "identity_credential_identifiers_identifier_nid_type_uq_idx" ON "identity_credential_identifiers" ("nid", "identity_credential_type_id", "identifier");

CREATE TABLE "identity_verifiable_addresses" (
  "id" uuid NOT NULL,
  "status" character varying(16) NOT NULL,
  "via" character varying(16) NOT NULL,
  "verified" boolean NOT NULL,
  "value" character varying(400) NOT NULL,
  "verified_at" timestamp without time zone,
  "identity_id" uuid NOT NULL,
  "nid" uuid,
  "created_at" timestamp without time zone NOT NULL,
  "updated_at" timestamp without time zone NOT NULL,
  CONSTRAINT "identity_verifiable_addresses_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "identity_verifiable_addresses_via_check" CHECK ("via" IN ('email', 'sms'))
);
CREATE UNIQUE INDEX "identity_verifiable_addresses_status_via_uq_idx" ON "identity_verifiable_addresses" ("nid", "via", "value");

CREATE TABLE "identity_recovery_addresses" (
  "id" uuid NOT NULL,
  "via" character varying(16) NOT NULL,
  "value" character varying(400) NOT NULL,
  "identity_id" uuid NOT NULL,
  "nid" uuid NOT NULL,
  "created_at" timestamp without time zone NOT NULL,
  "updated_at" timestamp without time zone NOT NULL,
  CONSTRAINT "identity_recovery_addresses_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "identity_recovery_addresses_via_check" CHECK ("via" IN ('email', 'sms'))
);
-- Exists only in Postgres: one recovery address per network, channel and case-folded value.
-- MySQL has a plain index here, so it can hold rows this index rejects.
CREATE UNIQUE INDEX "identity_recovery_addresses_nid_via_value_uq_idx" ON "identity_recovery_addresses" ("nid", "via", lower("value"));

CREATE TABLE "sessions" (
  "id" uuid NOT NULL,
  "issued_at" timestamp without time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "expires_at" timestamp without time zone NOT NULL,
  "authenticated_at" timestamp without time zone NOT NULL,
  "identity_id" uuid NOT NULL,
  "token" character varying(39) NOT NULL,
  "logout_token" character varying(39),
  "active" boolean DEFAULT false,
  "aal" character varying(4) NOT NULL DEFAULT 'aal1',
  "authentication_methods" json NOT NULL,
  "nid" uuid,
  "created_at" timestamp without time zone NOT NULL,
  "updated_at" timestamp without time zone NOT NULL,
  CONSTRAINT "sessions_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "sessions_token_uq_idx" UNIQUE ("token"),
  CONSTRAINT "sessions_logout_token_uq_idx" UNIQUE ("logout_token"),
  CONSTRAINT "sessions_aal_check" CHECK ("aal" IN ('aal0', 'aal1', 'aal2', 'aal3'))
);
CREATE INDEX "sessions_identity_id_idx" ON "sessions" ("identity_id");

-- Column order differs from MySQL on purpose (nid and session_id come first here).
CREATE TABLE "session_devices" (
  "id" uuid NOT NULL,
  "nid" uuid NOT NULL,
  "session_id" uuid NOT NULL,
  "ip_address" character varying(50) DEFAULT '',
  "user_agent" character varying(512) DEFAULT '',
  "location" character varying(512) DEFAULT '',
  "created_at" timestamp without time zone NOT NULL,
  "updated_at" timestamp without time zone NOT NULL,
  CONSTRAINT "session_devices_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "session_devices_session_id_idx" ON "session_devices" ("session_id");

CREATE TABLE "courier_messages" (
  "id" uuid NOT NULL,
  "type" integer NOT NULL,
  "status" integer NOT NULL,
  "body" text NOT NULL,
  "subject" character varying(255) NOT NULL,
  "recipient" character varying(255) NOT NULL,
  "template_type" character varying(255) NOT NULL DEFAULT '',
  "template_data" bytea,
  "send_count" integer NOT NULL DEFAULT 0,
  "channel" character varying(32),
  "nid" uuid,
  "created_at" timestamp without time zone NOT NULL,
  "updated_at" timestamp without time zone NOT NULL,
  CONSTRAINT "courier_messages_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "courier_messages_send_count_check" CHECK ("send_count" >= 0)
);
CREATE INDEX "courier_messages_status_idx" ON "courier_messages" ("status");

ALTER TABLE "identities" ADD CONSTRAINT "identities_nid_fk_idx" FOREIGN KEY ("nid") REFERENCES "networks"("id") ON DELETE CASCADE;
ALTER TABLE "identity_credentials" ADD CONSTRAINT "identity_credentials_identity_id_fk_idx" FOREIGN KEY ("identity_id") REFERENCES "identities"("id") ON DELETE CASCADE;
ALTER TABLE "identity_credentials" ADD CONSTRAINT "identity_credentials_type_id_fk_idx" FOREIGN KEY ("identity_credential_type_id") REFERENCES "identity_credential_types"("id") ON DELETE CASCADE;
ALTER TABLE "identity_credentials" ADD CONSTRAINT "identity_credentials_nid_fk_idx" FOREIGN KEY ("nid") REFERENCES "networks"("id") ON DELETE CASCADE;
ALTER TABLE "identity_credential_identifiers" ADD CONSTRAINT "identity_credential_identifiers_credential_id_fk_idx" FOREIGN KEY ("identity_credential_id") REFERENCES "identity_credentials"("id") ON DELETE CASCADE;
ALTER TABLE "identity_credential_identifiers" ADD CONSTRAINT "identity_credential_identifiers_type_id_fk_idx" FOREIGN KEY ("identity_credential_type_id") REFERENCES "identity_credential_types"("id") ON DELETE CASCADE;
ALTER TABLE "identity_credential_identifiers" ADD CONSTRAINT "identity_credential_identifiers_nid_fk_idx" FOREIGN KEY ("nid") REFERENCES "networks"("id") ON DELETE CASCADE;
ALTER TABLE "identity_verifiable_addresses" ADD CONSTRAINT "identity_verifiable_addresses_identity_id_fk_idx" FOREIGN KEY ("identity_id") REFERENCES "identities"("id") ON DELETE CASCADE;
ALTER TABLE "identity_verifiable_addresses" ADD CONSTRAINT "identity_verifiable_addresses_nid_fk_idx" FOREIGN KEY ("nid") REFERENCES "networks"("id") ON DELETE CASCADE;
ALTER TABLE "identity_recovery_addresses" ADD CONSTRAINT "identity_recovery_addresses_identity_id_fk_idx" FOREIGN KEY ("identity_id") REFERENCES "identities"("id") ON DELETE CASCADE;
ALTER TABLE "identity_recovery_addresses" ADD CONSTRAINT "identity_recovery_addresses_nid_fk_idx" FOREIGN KEY ("nid") REFERENCES "networks"("id") ON DELETE CASCADE;
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_identity_id_fk_idx" FOREIGN KEY ("identity_id") REFERENCES "identities"("id") ON DELETE CASCADE;
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_nid_fk_idx" FOREIGN KEY ("nid") REFERENCES "networks"("id") ON DELETE CASCADE;
ALTER TABLE "session_devices" ADD CONSTRAINT "session_devices_session_id_fk_idx" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE;
ALTER TABLE "session_devices" ADD CONSTRAINT "session_devices_nid_fk_idx" FOREIGN KEY ("nid") REFERENCES "networks"("id") ON DELETE CASCADE;
ALTER TABLE "courier_messages" ADD CONSTRAINT "courier_messages_nid_fk_idx" FOREIGN KEY ("nid") REFERENCES "networks"("id") ON DELETE CASCADE;
