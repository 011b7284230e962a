-- Alkemio-shaped target baseline: the schema the application's own Postgres migrations create.
-- Flyway runs it in the current schema (public) of a fresh PostgreSQL 17 database.
-- Differences from the MySQL source are deliberate: see docs/datasets.md.

CREATE TYPE "tagset_type_enum" AS ENUM ('freeform', 'select-one', 'select-many');
CREATE TYPE "document_mimetype_enum" AS ENUM ('image/png', 'image/jpeg', 'image/gif', 'image/svg+xml', 'image/webp', 'image/avif', 'application/pdf', 'application/msword', 'application/vnd.ms-excel', 'text/plain');
CREATE TYPE "account_type_enum" AS ENUM ('user', 'organization');
CREATE TYPE "space_visibility_enum" AS ENUM ('active', 'archived', 'demo', 'inactive');
CREATE TYPE "callout_type_enum" AS ENUM ('post', 'whiteboard', 'link-collection', 'post-collection', 'whiteboard-collection');
CREATE TYPE "callout_visibility_enum" AS ENUM ('draft', 'published');
CREATE TYPE "whiteboard_contentupdatepolicy_enum" AS ENUM ('owner', 'admins', 'contributors');
CREATE TYPE "activity_type_enum" AS ENUM ('member-joined', 'callout-published', 'post-created', 'post-comment', 'message-sent', 'discussion-comment', 'whiteboard-created', 'link-contribution', 'subspace-created', 'update-sent');
CREATE TYPE "in_app_notification_state_enum" AS ENUM ('unread', 'read', 'archived');

CREATE TABLE "authorization_policy" (
  "id" uuid NOT NULL DEFAULT gen_random_uuid(),
  "createdDate" TIMESTAMP NOT NULL DEFAULT now(),
  "updatedDate" TIMESTAMP NOT NULL DEFAULT now(),
  "version" integer NOT NULL,
  "credentialRules" jsonb NOT NULL,
  "privilegeRules" text NOT NULL,
  "anonymousReadAccess" boolean NOT NULL,
  "type" character varying(128),
  "parentAuthorizationPolicyId" uuid,
  CONSTRAINT "PK_authorization_policy" PRIMARY KEY ("id")
);

CREATE TABLE "migrations_typeorm" (
  "id" SERIAL NOT NULL,
  "timestamp" bigint NOT NULL,
  "name" character varying NOT NULL,
  CONSTRAINT "PK_migrations_typeorm" PRIMARY KEY ("id")
);

CREATE TABLE "query-result-cache" (
  "id" SERIAL NOT NULL,
  "identifier" character varying,
  "time" bigint NOT NULL,
  "duration" integer NOT NULL,
  "query" text NOT NULL,
  "result" text NOT NULL,
  CONSTRAINT "PK_query-result-cache" PRIMARY KEY ("id")
);

CREATE TABLE "license_plan" (
  "id" uuid NOT NULL DEFAULT gen_random_uuid(),
  "createdDate" TIMESTAMP NOT NULL DEFAULT now(),
  "updatedDate" TIMESTAMP NOT NULL DEFAULT now(),
  "version" integer NOT NULL,
  "name" character varying(255) NOT NULL,
  "enabled" boolean NOT NULL DEFAULT true,
  "sortOrder" integer NOT NULL,
  "pricePerMonth" numeric(10,2),
  "isFree" boolean NOT NULL DEFAULT false,
  "trialEnabled" boolean NOT NULL DEFAULT false,
  "licenseCredential" character varying(128) NOT NULL,
  "type" character varying(128) NOT NULL,
  CONSTRAINT "PK_license_plan" PRIMARY KEY ("id"),
  CONSTRAINT "CHK_license_plan_pricePerMonth" CHECK ("pricePerMonth" >= 0)
);

CREATE TABLE "location" (
  "id" uuid NOT NULL DEFAULT gen_random_uuid(),
  "createdDate" TIMESTAMP NOT NULL DEFAULT now(),
  "updatedDate" TIMESTAMP NOT NULL DEFAULT now(),
  "version" integer NOT NULL,
  "city" character varying(128),
  "country" character varying(128),
  "addressLine1" character varying(512),
  "addressLine2" character varying(512),
  "stateOrProvince" character varying(128),
  "postalCode" character varying(128),
  CONSTRAINT "PK_location" PRIMARY KEY ("id")
);

CREATE TABLE "storage_aggregator" (
  "id" uuid NOT NULL DEFAULT gen_random_uuid(),
  "createdDate" TIMESTAMP NOT NULL DEFAULT now(),
  "updatedDate" TIMESTAMP NOT NULL DEFAULT now(),
  "version" integer NOT NULL,
  "type" character varying(128) NOT NULL,
  "authorizationId" uuid,
  "directStorageId" uuid,
  CONSTRAINT "PK_storage_aggregator" PRIMARY KEY ("id"),
  CONSTRAINT "REL_storage_aggregator_authorizationId" UNIQUE ("authorizationId"),
  CONSTRAINT "REL_storage_aggregator_directStorageId" UNIQUE ("directStorageId")
);

CREATE TABLE "storage_bucket" (
  "id" uuid NOT NULL DEFAULT gen_random_uuid(),
  "createdDate" TIMESTAMP NOT NULL DEFAULT now(),
  "updatedDate" TIMESTAMP NOT NULL DEFAULT now(),
  "version" integer NOT NULL,
  "allowedMimeTypes" text NOT NULL,
  "maxFileSize" integer NOT NULL,
  "authorizationId" uuid,
  "storageAggregatorId" uuid,
  CONSTRAINT "PK_storage_bucket" PRIMARY KEY ("id"),
  CONSTRAINT "REL_storage_bucket_authorizationId" UNIQUE ("authorizationId")
);

CREATE TABLE "platform" (
  "id" uuid NOT NULL DEFAULT gen_random_uuid(),
  "createdDate" TIMESTAMP NOT NULL DEFAULT now(),
  "updatedDate" TIMESTAMP NOT NULL DEFAULT now(),
  "version" integer NOT NULL,
  "settings" text NOT NULL,
  "authorizationId" uuid,
  "storageAggregatorId" uuid,
  CONSTRAINT "PK_platform" PRIMARY KEY ("id"),
  CONSTRAINT "REL_platform_authorizationId" UNIQUE ("authorizationId"),
  CONSTRAINT "REL_platform_storageAggregatorId" UNIQUE ("storageAggregatorId")
);
-- At most one platform row: exists only in Postgres, so copying the source row onto the seeded
-- target fails instead of silently leaving two platforms.
CREATE UNIQUE INDEX "IDX_platform_singleton" ON "platform" ((true));

CREATE TABLE "profile" (
  "id" uuid NOT NULL DEFAULT gen_random_uuid(),
  "createdDate" TIMESTAMP NOT NULL DEFAULT now(),
  "updatedDate" TIMESTAMP NOT NULL DEFAULT now(),
  "version" integer NOT NULL,
  "displayName" character varying(255) NOT NULL,
  "tagline" character varying(512),
  "description" text,
  "type" character varying(128) NOT NULL,
  "authorizationId" uuid,
  "locationId" uuid,
  "storageBucketId" uuid,
  CONSTRAINT "PK_profile" PRIMARY KEY ("id"),
  CONSTRAINT "REL_profile_authorizationId" UNIQUE ("authorizationId"),
  CONSTRAINT "REL_profile_locationId" UNIQUE ("locationId")
);

CREATE TABLE "tagset" (
  "id" uuid NOT NULL DEFAULT gen_random_uuid(),
  "createdDate" TIMESTAMP NOT NULL DEFAULT now(),
  "updatedDate" TIMESTAMP NOT NULL DEFAULT now(),
  "version" integer NOT NULL,
  "name" character varying(255) NOT NULL DEFAULT 'default',
  "tags" text NOT NULL,
  "type" "tagset_type_enum" NOT NULL DEFAULT 'freeform',
  "authorizationId" uuid,
  "profileId" uuid,
  CONSTRAINT "PK_tagset" PRIMARY KEY ("id"),
  CONSTRAINT "REL_tagset_authorizationId" UNIQUE ("authorizationId")
);

CREATE TABLE "visual" (
  "id" uuid NOT NULL DEFAULT gen_random_uuid(),
  "createdDate" TIMESTAMP NOT NULL DEFAULT now(),
  "updatedDate" TIMESTAMP NOT NULL DEFAULT now(),
  "version" integer NOT NULL,
  "name" character varying(255) NOT NULL,
  "uri" text NOT NULL,
  "minWidth" integer NOT NULL,
  "maxWidth" integer NOT NULL,
  "minHeight" integer NOT NULL,
  "maxHeight" integer NOT NULL,
  "allowedTypes" text NOT NULL,
  "thumbnail" bytea,
  "authorizationId" uuid,
  "profileId" uuid,
  CONSTRAINT "PK_visual" PRIMARY KEY ("id"),
  CONSTRAINT "REL_visual_authorizationId" UNIQUE ("authorizationId"),
  CONSTRAINT "CHK_visual_width" CHECK ("minWidth" <= "maxWidth"),
  CONSTRAINT "CHK_visual_height" CHECK ("minHeight" <= "maxHeight")
);

CREATE TABLE "document" (
  "id" uuid NOT NULL DEFAULT gen_random_uuid(),
  "createdDate" TIMESTAMP NOT NULL DEFAULT now(),
  "updatedDate" TIMESTAMP NOT NULL DEFAULT now(),
  "version" integer NOT NULL,
  "displayName" character varying(255) NOT NULL,
  "mimeType" "document_mimetype_enum" NOT NULL,
  "size" integer NOT NULL,
  "externalID" character varying(128) NOT NULL,
  "anonymousReadAccess" boolean NOT NULL,
  "temporaryLocation" boolean NOT NULL DEFAULT false,
  "createdBy" uuid NOT NULL,
  "authorizationId" uuid,
  "storageBucketId" uuid NOT NULL,
  CONSTRAINT "PK_document" PRIMARY KEY ("id"),
  CONSTRAINT "REL_document_authorizationId" UNIQUE ("authorizationId"),
  CONSTRAINT "CHK_document_size" CHECK ("size" >= 0)
);

CREATE TABLE "agent" (
  "id" uuid NOT NULL DEFAULT gen_random_uuid(),
  "createdDate" TIMESTAMP NOT NULL DEFAULT now(),
  "updatedDate" TIMESTAMP NOT NULL DEFAULT now(),
  "version" integer NOT NULL,
  "did" character varying(255),
  "password" character varying(255),
  "type" character varying(128) NOT NULL,
  "authorizationId" uuid,
  CONSTRAINT "PK_agent" PRIMARY KEY ("id"),
  CONSTRAINT "REL_agent_authorizationId" UNIQUE ("authorizationId")
);

CREATE TABLE "credential" (
  "id" uuid NOT NULL DEFAULT gen_random_uuid(),
  "createdDate" TIMESTAMP NOT NULL DEFAULT now(),
  "updatedDate" TIMESTAMP NOT NULL DEFAULT now(),
  "version" integer NOT NULL,
  "resourceID" character varying(36) NOT NULL,
  "type" character varying(128) NOT NULL,
  "issuer" uuid,
  "expires" TIMESTAMP,
  "agentId" uuid,
  CONSTRAINT "PK_credential" PRIMARY KEY ("id")
);

CREATE TABLE "account" (
  "id" uuid NOT NULL DEFAULT gen_random_uuid(),
  "createdDate" TIMESTAMP NOT NULL DEFAULT now(),
  "updatedDate" TIMESTAMP NOT NULL DEFAULT now(),
  "version" integer NOT NULL,
  "type" "account_type_enum" NOT NULL,
  "externalSubscriptionID" character varying(128),
  "authorizationId" uuid,
  "agentId" uuid,
  "storageAggregatorId" uuid,
  CONSTRAINT "PK_account" PRIMARY KEY ("id"),
  CONSTRAINT "REL_account_authorizationId" UNIQUE ("authorizationId"),
  CONSTRAINT "REL_account_agentId" UNIQUE ("agentId"),
  CONSTRAINT "REL_account_storageAggregatorId" UNIQUE ("storageAggregatorId")
);

CREATE TABLE "license_entitlement" (
  "id" uuid NOT NULL DEFAULT gen_random_uuid(),
  "createdDate" TIMESTAMP NOT NULL DEFAULT now(),
  "updatedDate" TIMESTAMP NOT NULL DEFAULT now(),
  "version" integer NOT NULL,
  "type" character varying(128) NOT NULL,
  "dataType" character varying(128) NOT NULL,
  "limit" integer NOT NULL,
  "enabled" boolean NOT NULL,
  "accountId" uuid,
  CONSTRAINT "PK_license_entitlement" PRIMARY KEY ("id"),
  CONSTRAINT "CHK_license_entitlement_limit" CHECK ("limit" >= -1)
);

CREATE TABLE "user" (
  "id" uuid NOT NULL DEFAULT gen_random_uuid(),
  "rowId" SERIAL NOT NULL,
  "createdDate" TIMESTAMP NOT NULL DEFAULT now(),
  "updatedDate" TIMESTAMP NOT NULL DEFAULT now(),
  "version" integer NOT NULL,
  "nameID" character varying(36) NOT NULL,
  "email" character varying(512) NOT NULL,
  "firstName" character varying(128) NOT NULL,
  "lastName" character varying(255) NOT NULL,
  "phone" character varying(255),
  "accountUpn" character varying(128) NOT NULL,
  "serviceProfile" boolean NOT NULL,
  "accountID" uuid NOT NULL,
  "authenticationID" uuid,
  "authorizationId" uuid,
  "profileId" uuid,
  "agentId" uuid,
  "storageAggregatorId" uuid,
  CONSTRAINT "PK_user" PRIMARY KEY ("id"),
  CONSTRAINT "UQ_user_rowId" UNIQUE ("rowId"),
  CONSTRAINT "UQ_user_nameID" UNIQUE ("nameID"),
  CONSTRAINT "UQ_user_email" UNIQUE ("email"),
  CONSTRAINT "UQ_user_authenticationID" UNIQUE ("authenticationID"),
  CONSTRAINT "REL_user_authorizationId" UNIQUE ("authorizationId"),
  CONSTRAINT "REL_user_profileId" UNIQUE ("profileId"),
  CONSTRAINT "REL_user_agentId" UNIQUE ("agentId"),
  CONSTRAINT "REL_user_storageAggregatorId" UNIQUE ("storageAggregatorId")
);

CREATE TABLE "collaboration" (
  "id" uuid NOT NULL DEFAULT gen_random_uuid(),
  "createdDate" TIMESTAMP NOT NULL DEFAULT now(),
  "updatedDate" TIMESTAMP NOT NULL DEFAULT now(),
  "version" integer NOT NULL,
  "isTemplate" boolean NOT NULL DEFAULT false,
  "groupsStr" text NOT NULL,
  "authorizationId" uuid,
  CONSTRAINT "PK_collaboration" PRIMARY KEY ("id"),
  CONSTRAINT "REL_collaboration_authorizationId" UNIQUE ("authorizationId")
);

CREATE TABLE "space" (
  "id" uuid NOT NULL DEFAULT gen_random_uuid(),
  "rowId" SERIAL NOT NULL,
  "createdDate" TIMESTAMP NOT NULL DEFAULT now(),
  "updatedDate" TIMESTAMP NOT NULL DEFAULT now(),
  "version" integer NOT NULL,
  "nameID" character varying(36) NOT NULL,
  "level" integer NOT NULL,
  "visibility" "space_visibility_enum" NOT NULL DEFAULT 'active',
  "settingsStr" text NOT NULL,
  "parentSpaceId" uuid,
  "levelZeroSpaceID" uuid NOT NULL,
  "accountId" uuid,
  "authorizationId" uuid,
  "profileId" uuid,
  "collaborationId" uuid,
  "storageAggregatorId" uuid,
  CONSTRAINT "PK_space" PRIMARY KEY ("id"),
  CONSTRAINT "UQ_space_rowId" UNIQUE ("rowId"),
  CONSTRAINT "UQ_space_nameID" UNIQUE ("nameID"),
  CONSTRAINT "REL_space_authorizationId" UNIQUE ("authorizationId"),
  CONSTRAINT "REL_space_profileId" UNIQUE ("profileId"),
  CONSTRAINT "REL_space_collaborationId" UNIQUE ("collaborationId"),
  CONSTRAINT "REL_space_storageAggregatorId" UNIQUE ("storageAggregatorId"),
  CONSTRAINT "CHK_space_level" CHECK ("level" BETWEEN 0 AND 2),
  CONSTRAINT "CHK_space_parent_matches_level" CHECK (("level" = 0) = ("parentSpaceId" IS NULL))
);

CREATE TABLE "space_members_user" (
  "spaceId" uuid NOT NULL,
  "userId" uuid NOT NULL,
  CONSTRAINT "PK_space_members_user" PRIMARY KEY ("spaceId", "userId")
);
CREATE INDEX "IDX_space_members_user_userId" ON "space_members_user" ("userId");

CREATE TABLE "callout" (
  "id" uuid NOT NULL DEFAULT gen_random_uuid(),
  "createdDate" TIMESTAMP NOT NULL DEFAULT now(),
  "updatedDate" TIMESTAMP NOT NULL DEFAULT now(),
  "version" integer NOT NULL,
  "nameID" character varying(36) NOT NULL,
  "type" "callout_type_enum" NOT NULL,
  "visibility" "callout_visibility_enum" NOT NULL DEFAULT 'draft',
  "sortOrder" integer NOT NULL,
  "createdBy" uuid NOT NULL,
  "contributionDefaults" json,
  "authorizationId" uuid,
  "framingId" uuid,
  "collaborationId" uuid,
  CONSTRAINT "PK_callout" PRIMARY KEY ("id"),
  CONSTRAINT "REL_callout_authorizationId" UNIQUE ("authorizationId"),
  CONSTRAINT "REL_callout_framingId" UNIQUE ("framingId")
);

CREATE TABLE "callout_contribution" (
  "id" uuid NOT NULL DEFAULT gen_random_uuid(),
  "createdDate" TIMESTAMP NOT NULL DEFAULT now(),
  "updatedDate" TIMESTAMP NOT NULL DEFAULT now(),
  "version" integer NOT NULL,
  "sortOrder" integer NOT NULL,
  "createdBy" uuid,
  "authorizationId" uuid,
  "calloutId" uuid,
  CONSTRAINT "PK_callout_contribution" PRIMARY KEY ("id"),
  CONSTRAINT "REL_callout_contribution_authorizationId" UNIQUE ("authorizationId")
);

CREATE TABLE "whiteboard" (
  "id" uuid NOT NULL DEFAULT gen_random_uuid(),
  "createdDate" TIMESTAMP NOT NULL DEFAULT now(),
  "updatedDate" TIMESTAMP NOT NULL DEFAULT now(),
  "version" integer NOT NULL,
  "nameID" character varying(36) NOT NULL,
  "content" text NOT NULL,
  "contentUpdatePolicy" "whiteboard_contentupdatepolicy_enum" NOT NULL,
  "createdBy" uuid,
  "authorizationId" uuid,
  "profileId" uuid,
  "contributionId" uuid,
  CONSTRAINT "PK_whiteboard" PRIMARY KEY ("id"),
  CONSTRAINT "REL_whiteboard_authorizationId" UNIQUE ("authorizationId"),
  CONSTRAINT "REL_whiteboard_profileId" UNIQUE ("profileId"),
  CONSTRAINT "REL_whiteboard_contributionId" UNIQUE ("contributionId")
);

-- The activity family keeps its instants as timestamptz, the core family above uses timestamp.
CREATE TABLE "activity" (
  "id" uuid NOT NULL DEFAULT gen_random_uuid(),
  "rowId" integer GENERATED BY DEFAULT AS IDENTITY,
  "createdDate" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  "updatedDate" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  "version" integer NOT NULL,
  "triggeredBy" uuid NOT NULL,
  "resourceID" uuid NOT NULL,
  "parentID" uuid,
  "collaborationID" uuid NOT NULL,
  "messageID" character varying(44),
  "visibility" boolean NOT NULL,
  "description" character varying(512),
  "type" "activity_type_enum" NOT NULL,
  CONSTRAINT "PK_activity" PRIMARY KEY ("id"),
  CONSTRAINT "UQ_activity_rowId" UNIQUE ("rowId")
);
CREATE INDEX "IDX_activity_collaborationID" ON "activity" ("collaborationID");

CREATE TABLE "in_app_notification" (
  "id" uuid NOT NULL DEFAULT gen_random_uuid(),
  "createdDate" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  "updatedDate" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  "version" integer NOT NULL,
  "triggeredAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  "type" character varying(128) NOT NULL,
  "state" "in_app_notification_state_enum" NOT NULL DEFAULT 'unread',
  "category" character varying(128) NOT NULL,
  "triggeredByID" uuid,
  "receiverID" uuid NOT NULL,
  "payload" json NOT NULL,
  CONSTRAINT "PK_in_app_notification" PRIMARY KEY ("id")
);

ALTER TABLE "authorization_policy" ADD CONSTRAINT "FK_authorization_policy_parentAuthorizationPolicyId" FOREIGN KEY ("parentAuthorizationPolicyId") REFERENCES "authorization_policy"("id") ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE "storage_aggregator" ADD CONSTRAINT "FK_storage_aggregator_authorizationId" FOREIGN KEY ("authorizationId") REFERENCES "authorization_policy"("id") ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE "storage_aggregator" ADD CONSTRAINT "FK_storage_aggregator_directStorageId" FOREIGN KEY ("directStorageId") REFERENCES "storage_bucket"("id") ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE "storage_bucket" ADD CONSTRAINT "FK_storage_bucket_authorizationId" FOREIGN KEY ("authorizationId") REFERENCES "authorization_policy"("id") ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE "storage_bucket" ADD CONSTRAINT "FK_storage_bucket_storageAggregatorId" FOREIGN KEY ("storageAggregatorId") REFERENCES "storage_aggregator"("id") ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE "platform" ADD CONSTRAINT "FK_platform_authorizationId" FOREIGN KEY ("authorizationId") REFERENCES "authorization_policy"("id") ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE "platform" ADD CONSTRAINT "FK_platform_storageAggregatorId" FOREIGN KEY ("storageAggregatorId") REFERENCES "storage_aggregator"("id") ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE "profile" ADD CONSTRAINT "FK_profile_authorizationId" FOREIGN KEY ("authorizationId") REFERENCES "authorization_policy"("id") ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE "profile" ADD CONSTRAINT "FK_profile_locationId" FOREIGN KEY ("locationId") REFERENCES "location"("id") ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE "profile" ADD CONSTRAINT "FK_profile_storageBucketId" FOREIGN KEY ("storageBucketId") REFERENCES "storage_bucket"("id") ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE "tagset" ADD CONSTRAINT "FK_tagset_authorizationId" FOREIGN KEY ("authorizationId") REFERENCES "authorization_policy"("id") ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE "tagset" ADD CONSTRAINT "FK_tagset_profileId" FOREIGN KEY ("profileId") REFERENCES "profile"("id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "visual" ADD CONSTRAINT "FK_visual_authorizationId" FOREIGN KEY ("authorizationId") REFERENCES "authorization_policy"("id") ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE "visual" ADD CONSTRAINT "FK_visual_profileId" FOREIGN KEY ("profileId") REFERENCES "profile"("id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "document" ADD CONSTRAINT "FK_document_authorizationId" FOREIGN KEY ("authorizationId") REFERENCES "authorization_policy"("id") ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE "document" ADD CONSTRAINT "FK_document_storageBucketId" FOREIGN KEY ("storageBucketId") REFERENCES "storage_bucket"("id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "agent" ADD CONSTRAINT "FK_agent_authorizationId" FOREIGN KEY ("authorizationId") REFERENCES "authorization_policy"("id") ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE "credential" ADD CONSTRAINT "FK_credential_agentId" FOREIGN KEY ("agentId") REFERENCES "agent"("id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "account" ADD CONSTRAINT "FK_account_authorizationId" FOREIGN KEY ("authorizationId") REFERENCES "authorization_policy"("id") ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE "account" ADD CONSTRAINT "FK_account_agentId" FOREIGN KEY ("agentId") REFERENCES "agent"("id") ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE "account" ADD CONSTRAINT "FK_account_storageAggregatorId" FOREIGN KEY ("storageAggregatorId") REFERENCES "storage_aggregator"("id") ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE "license_entitlement" ADD CONSTRAINT "FK_license_entitlement_accountId" FOREIGN KEY ("accountId") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "user" ADD CONSTRAINT "FK_user_authorizationId" FOREIGN KEY ("authorizationId") REFERENCES "authorization_policy"("id") ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE "user" ADD CONSTRAINT "FK_user_profileId" FOREIGN KEY ("profileId") REFERENCES "profile"("id") ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE "user" ADD CONSTRAINT "FK_user_agentId" FOREIGN KEY ("agentId") REFERENCES "agent"("id") ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE "user" ADD CONSTRAINT "FK_user_storageAggregatorId" FOREIGN KEY ("storageAggregatorId") REFERENCES "storage_aggregator"("id") ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE "collaboration" ADD CONSTRAINT "FK_collaboration_authorizationId" FOREIGN KEY ("authorizationId") REFERENCES "authorization_policy"("id") ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE "space" ADD CONSTRAINT "FK_space_parentSpaceId" FOREIGN KEY ("parentSpaceId") REFERENCES "space"("id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "space" ADD CONSTRAINT "FK_space_accountId" FOREIGN KEY ("accountId") REFERENCES "account"("id") ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE "space" ADD CONSTRAINT "FK_space_authorizationId" FOREIGN KEY ("authorizationId") REFERENCES "authorization_policy"("id") ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE "space" ADD CONSTRAINT "FK_space_profileId" FOREIGN KEY ("profileId") REFERENCES "profile"("id") ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE "space" ADD CONSTRAINT "FK_space_collaborationId" FOREIGN KEY ("collaborationId") REFERENCES "collaboration"("id") ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE "space" ADD CONSTRAINT "FK_space_storageAggregatorId" FOREIGN KEY ("storageAggregatorId") REFERENCES "storage_aggregator"("id") ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE "space_members_user" ADD CONSTRAINT "FK_space_members_user_spaceId" FOREIGN KEY ("spaceId") REFERENCES "space"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "space_members_user" ADD CONSTRAINT "FK_space_members_user_userId" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "callout" ADD CONSTRAINT "FK_callout_authorizationId" FOREIGN KEY ("authorizationId") REFERENCES "authorization_policy"("id") ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE "callout" ADD CONSTRAINT "FK_callout_framingId" FOREIGN KEY ("framingId") REFERENCES "profile"("id") ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE "callout" ADD CONSTRAINT "FK_callout_collaborationId" FOREIGN KEY ("collaborationId") REFERENCES "collaboration"("id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "callout_contribution" ADD CONSTRAINT "FK_callout_contribution_authorizationId" FOREIGN KEY ("authorizationId") REFERENCES "authorization_policy"("id") ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE "callout_contribution" ADD CONSTRAINT "FK_callout_contribution_calloutId" FOREIGN KEY ("calloutId") REFERENCES "callout"("id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "whiteboard" ADD CONSTRAINT "FK_whiteboard_authorizationId" FOREIGN KEY ("authorizationId") REFERENCES "authorization_policy"("id") ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE "whiteboard" ADD CONSTRAINT "FK_whiteboard_profileId" FOREIGN KEY ("profileId") REFERENCES "profile"("id") ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE "whiteboard" ADD CONSTRAINT "FK_whiteboard_contributionId" FOREIGN KEY ("contributionId") REFERENCES "callout_contribution"("id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "in_app_notification" ADD CONSTRAINT "FK_in_app_notification_receiverID" FOREIGN KEY ("receiverID") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION;
