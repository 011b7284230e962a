-- Alkemio-shaped source schema: MySQL 8.0 DDL as the application's TypeORM migrations leave it.
-- Runs inside the database the caller chose. Every statement ends with a semicolon at line end.
-- Booleans are bare tinyint (MySQL 8.0.19+ reports no display width), so only the Postgres
-- baseline shows which tinyint columns are booleans.

CREATE TABLE `authorization_policy` (
  `id` char(36) NOT NULL,
  `createdDate` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  `updatedDate` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  `version` int NOT NULL,
  `credentialRules` json NOT NULL,
  `privilegeRules` text NOT NULL,
  `anonymousReadAccess` tinyint NOT NULL,
  `type` varchar(128) DEFAULT NULL,
  `parentAuthorizationPolicyId` char(36) DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `FK_authorization_policy_parentAuthorizationPolicyId` (`parentAuthorizationPolicyId`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

CREATE TABLE `migrations_typeorm` (
  `id` int NOT NULL AUTO_INCREMENT,
  `timestamp` bigint NOT NULL,
  `name` varchar(255) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

CREATE TABLE `query-result-cache` (
  `id` int NOT NULL AUTO_INCREMENT,
  `identifier` varchar(255) DEFAULT NULL,
  `time` bigint NOT NULL,
  `duration` int NOT NULL,
  `query` text NOT NULL,
  `result` text NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

CREATE TABLE `license_plan` (
  `id` char(36) NOT NULL,
  `createdDate` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  `updatedDate` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  `version` int NOT NULL,
  `name` varchar(255) NOT NULL,
  `enabled` tinyint NOT NULL DEFAULT '1',
  `sortOrder` int NOT NULL,
  `pricePerMonth` decimal(10,2) DEFAULT NULL,
  `isFree` tinyint NOT NULL DEFAULT '0',
  `trialEnabled` tinyint NOT NULL DEFAULT '0',
  `licenseCredential` varchar(128) NOT NULL,
  `type` varchar(128) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

CREATE TABLE `location` (
  `id` char(36) NOT NULL,
  `createdDate` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  `updatedDate` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  `version` int NOT NULL,
  `city` varchar(128) DEFAULT NULL,
  `country` varchar(128) DEFAULT NULL,
  `addressLine1` varchar(512) DEFAULT NULL,
  `addressLine2` varchar(512) DEFAULT NULL,
  `stateOrProvince` varchar(128) DEFAULT NULL,
  `postalCode` varchar(128) DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

CREATE TABLE `storage_aggregator` (
  `id` char(36) NOT NULL,
  `createdDate` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  `updatedDate` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  `version` int NOT NULL,
  `type` varchar(128) NOT NULL,
  `authorizationId` char(36) DEFAULT NULL,
  `directStorageId` char(36) DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `REL_storage_aggregator_authorizationId` (`authorizationId`),
  UNIQUE KEY `REL_storage_aggregator_directStorageId` (`directStorageId`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

CREATE TABLE `storage_bucket` (
  `id` char(36) NOT NULL,
  `createdDate` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  `updatedDate` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  `version` int NOT NULL,
  `allowedMimeTypes` text NOT NULL,
  `maxFileSize` int NOT NULL,
  `authorizationId` char(36) DEFAULT NULL,
  `storageAggregatorId` char(36) DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `REL_storage_bucket_authorizationId` (`authorizationId`),
  KEY `FK_storage_bucket_storageAggregatorId` (`storageAggregatorId`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

CREATE TABLE `platform` (
  `id` char(36) NOT NULL,
  `createdDate` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  `updatedDate` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  `version` int NOT NULL,
  `settings` text NOT NULL,
  `authorizationId` char(36) DEFAULT NULL,
  `storageAggregatorId` char(36) DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `REL_platform_authorizationId` (`authorizationId`),
  UNIQUE KEY `REL_platform_storageAggregatorId` (`storageAggregatorId`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

CREATE TABLE `profile` (
  `id` char(36) NOT NULL,
  `createdDate` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  `updatedDate` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  `version` int NOT NULL,
  `displayName` varchar(255) NOT NULL,
  `tagline` varchar(512) DEFAULT NULL,
  `description` text,
  `type` varchar(128) NOT NULL,
  `authorizationId` char(36) DEFAULT NULL,
  `locationId` char(36) DEFAULT NULL,
  `storageBucketId` char(36) DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `REL_profile_authorizationId` (`authorizationId`),
  UNIQUE KEY `REL_profile_locationId` (`locationId`),
  KEY `FK_profile_storageBucketId` (`storageBucketId`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

CREATE TABLE `tagset` (
  `id` char(36) NOT NULL,
  `createdDate` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  `updatedDate` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  `version` int NOT NULL,
  `name` varchar(255) NOT NULL DEFAULT 'default',
  `tags` text NOT NULL,
  `type` enum('freeform','select-one','select-many') NOT NULL DEFAULT 'freeform',
  `authorizationId` char(36) DEFAULT NULL,
  `profileId` char(36) DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `REL_tagset_authorizationId` (`authorizationId`),
  KEY `FK_tagset_profileId` (`profileId`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

CREATE TABLE `visual` (
  `id` char(36) NOT NULL,
  `createdDate` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  `updatedDate` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  `version` int NOT NULL,
  `name` varchar(255) NOT NULL,
  `uri` text NOT NULL,
  `minWidth` int NOT NULL,
  `maxWidth` int NOT NULL,
  `minHeight` int NOT NULL,
  `maxHeight` int NOT NULL,
  `allowedTypes` text NOT NULL,
  `thumbnail` mediumblob,
  `authorizationId` char(36) DEFAULT NULL,
  `profileId` char(36) DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `REL_visual_authorizationId` (`authorizationId`),
  KEY `FK_visual_profileId` (`profileId`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

CREATE TABLE `document` (
  `id` char(36) NOT NULL,
  `createdDate` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  `updatedDate` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  `version` int NOT NULL,
  `displayName` varchar(255) NOT NULL,
  `mimeType` enum('image/png','image/jpeg','image/gif','image/svg+xml','image/webp','image/avif','application/pdf','application/msword','application/vnd.ms-excel','text/plain') NOT NULL,
  `size` int NOT NULL,
  `externalID` varchar(128) NOT NULL,
  `anonymousReadAccess` tinyint NOT NULL,
  `temporaryLocation` tinyint NOT NULL DEFAULT '0',
  `createdBy` char(36) DEFAULT NULL,
  `authorizationId` char(36) DEFAULT NULL,
  `storageBucketId` char(36) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `REL_document_authorizationId` (`authorizationId`),
  KEY `FK_document_storageBucketId` (`storageBucketId`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

CREATE TABLE `agent` (
  `id` char(36) NOT NULL,
  `createdDate` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  `updatedDate` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  `version` int NOT NULL,
  `did` varchar(255) DEFAULT NULL,
  `password` varchar(255) DEFAULT NULL,
  `type` varchar(128) NOT NULL,
  `authorizationId` char(36) DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `REL_agent_authorizationId` (`authorizationId`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

CREATE TABLE `credential` (
  `id` char(36) NOT NULL,
  `createdDate` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  `updatedDate` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  `version` int NOT NULL,
  `resourceID` varchar(36) NOT NULL,
  `type` varchar(128) NOT NULL,
  `issuer` char(36) DEFAULT NULL,
  `expires` datetime DEFAULT NULL,
  `agentId` char(36) DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `FK_credential_agentId` (`agentId`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

CREATE TABLE `account` (
  `id` char(36) NOT NULL,
  `createdDate` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  `updatedDate` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  `version` int NOT NULL,
  `type` enum('user','organization') NOT NULL,
  `externalSubscriptionID` varchar(128) DEFAULT NULL,
  `authorizationId` char(36) DEFAULT NULL,
  `agentId` char(36) DEFAULT NULL,
  `storageAggregatorId` char(36) DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `REL_account_authorizationId` (`authorizationId`),
  UNIQUE KEY `REL_account_agentId` (`agentId`),
  UNIQUE KEY `REL_account_storageAggregatorId` (`storageAggregatorId`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

CREATE TABLE `license_entitlement` (
  `id` char(36) NOT NULL,
  `createdDate` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  `updatedDate` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  `version` int NOT NULL,
  `type` varchar(128) NOT NULL,
  `dataType` varchar(128) NOT NULL,
  `limit` int NOT NULL,
  `enabled` tinyint NOT NULL,
  `accountId` char(36) DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `FK_license_entitlement_accountId` (`accountId`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

CREATE TABLE `user` (
  `id` char(36) NOT NULL,
  `rowId` int NOT NULL AUTO_INCREMENT,
  `createdDate` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  `updatedDate` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  `version` int NOT NULL,
  `nameID` varchar(36) NOT NULL,
  `email` varchar(512) NOT NULL,
  `firstName` varchar(255) NOT NULL,
  `lastName` varchar(255) NOT NULL,
  `phone` varchar(255) DEFAULT NULL,
  `accountUpn` varchar(128) NOT NULL,
  `serviceProfile` tinyint NOT NULL,
  `accountID` char(36) DEFAULT NULL,
  `authenticationID` char(36) DEFAULT NULL,
  `authorizationId` char(36) DEFAULT NULL,
  `profileId` char(36) DEFAULT NULL,
  `agentId` char(36) DEFAULT NULL,
  `storageAggregatorId` char(36) DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `IDX_user_rowId` (`rowId`),
  UNIQUE KEY `IDX_user_nameID` (`nameID`),
  UNIQUE KEY `IDX_user_email` (`email`),
  UNIQUE KEY `IDX_user_authenticationID` (`authenticationID`),
  UNIQUE KEY `REL_user_authorizationId` (`authorizationId`),
  UNIQUE KEY `REL_user_profileId` (`profileId`),
  UNIQUE KEY `REL_user_agentId` (`agentId`),
  UNIQUE KEY `REL_user_storageAggregatorId` (`storageAggregatorId`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

CREATE TABLE `collaboration` (
  `id` char(36) NOT NULL,
  `createdDate` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  `updatedDate` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  `version` int NOT NULL,
  `isTemplate` tinyint NOT NULL DEFAULT '0',
  `groupsStr` text NOT NULL,
  `authorizationId` char(36) DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `REL_collaboration_authorizationId` (`authorizationId`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

CREATE TABLE `space` (
  `id` char(36) NOT NULL,
  `rowId` int NOT NULL AUTO_INCREMENT,
  `createdDate` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  `updatedDate` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  `version` int NOT NULL,
  `nameID` varchar(36) NOT NULL,
  `level` int NOT NULL,
  `visibility` enum('active','archived','demo','inactive') NOT NULL DEFAULT 'active',
  `settingsStr` text NOT NULL,
  `parentSpaceId` char(36) DEFAULT NULL,
  `levelZeroSpaceID` char(36) DEFAULT NULL,
  `accountId` char(36) DEFAULT NULL,
  `authorizationId` char(36) DEFAULT NULL,
  `profileId` char(36) DEFAULT NULL,
  `collaborationId` char(36) DEFAULT NULL,
  `storageAggregatorId` char(36) DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `IDX_space_rowId` (`rowId`),
  UNIQUE KEY `IDX_space_nameID` (`nameID`),
  UNIQUE KEY `REL_space_authorizationId` (`authorizationId`),
  UNIQUE KEY `REL_space_profileId` (`profileId`),
  UNIQUE KEY `REL_space_collaborationId` (`collaborationId`),
  UNIQUE KEY `REL_space_storageAggregatorId` (`storageAggregatorId`),
  KEY `FK_space_parentSpaceId` (`parentSpaceId`),
  KEY `FK_space_accountId` (`accountId`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

CREATE TABLE `space_members_user` (
  `spaceId` char(36) NOT NULL,
  `userId` char(36) NOT NULL,
  PRIMARY KEY (`spaceId`,`userId`),
  KEY `IDX_space_members_user_userId` (`userId`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

CREATE TABLE `callout` (
  `id` char(36) NOT NULL,
  `createdDate` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  `updatedDate` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  `version` int NOT NULL,
  `nameID` varchar(36) NOT NULL,
  `type` enum('post','whiteboard','link-collection','post-collection','whiteboard-collection') NOT NULL,
  `visibility` enum('draft','published') NOT NULL DEFAULT 'draft',
  `sortOrder` int NOT NULL,
  `createdBy` char(36) DEFAULT NULL,
  `contributionDefaults` json DEFAULT NULL,
  `authorizationId` char(36) DEFAULT NULL,
  `framingId` char(36) DEFAULT NULL,
  `collaborationId` char(36) DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `REL_callout_authorizationId` (`authorizationId`),
  UNIQUE KEY `REL_callout_framingId` (`framingId`),
  KEY `FK_callout_collaborationId` (`collaborationId`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

CREATE TABLE `callout_contribution` (
  `id` char(36) NOT NULL,
  `createdDate` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  `updatedDate` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  `version` int NOT NULL,
  `sortOrder` int NOT NULL,
  `createdBy` char(36) DEFAULT NULL,
  `authorizationId` char(36) DEFAULT NULL,
  `calloutId` char(36) DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `REL_callout_contribution_authorizationId` (`authorizationId`),
  KEY `FK_callout_contribution_calloutId` (`calloutId`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

CREATE TABLE `whiteboard` (
  `id` char(36) NOT NULL,
  `createdDate` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  `updatedDate` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  `version` int NOT NULL,
  `nameID` varchar(36) NOT NULL,
  `content` longtext NOT NULL,
  `contentUpdatePolicy` enum('owner','admins','contributors') NOT NULL,
  `createdBy` char(36) DEFAULT NULL,
  `authorizationId` char(36) DEFAULT NULL,
  `profileId` char(36) DEFAULT NULL,
  `contributionId` char(36) DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `REL_whiteboard_authorizationId` (`authorizationId`),
  UNIQUE KEY `REL_whiteboard_profileId` (`profileId`),
  UNIQUE KEY `REL_whiteboard_contributionId` (`contributionId`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

CREATE TABLE `activity` (
  `id` char(36) NOT NULL,
  `rowId` int NOT NULL AUTO_INCREMENT,
  `createdDate` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  `updatedDate` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  `version` int NOT NULL,
  `triggeredBy` char(36) NOT NULL,
  `resourceID` char(36) NOT NULL,
  `parentID` char(36) DEFAULT NULL,
  `collaborationID` char(36) NOT NULL,
  `messageID` varchar(44) DEFAULT NULL,
  `visibility` tinyint NOT NULL,
  `description` varchar(512) DEFAULT NULL,
  `type` enum('member-joined','callout-published','post-created','post-comment','message-sent','discussion-comment','whiteboard-created','link-contribution','subspace-created','update-sent') NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `IDX_activity_rowId` (`rowId`),
  KEY `IDX_activity_collaborationID` (`collaborationID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

CREATE TABLE `in_app_notification` (
  `id` char(36) NOT NULL,
  `createdDate` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  `updatedDate` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  `version` int NOT NULL,
  `triggeredAt` datetime NOT NULL,
  `type` varchar(128) NOT NULL,
  `state` enum('unread','read','archived') NOT NULL DEFAULT 'unread',
  `category` varchar(128) NOT NULL,
  `triggeredByID` char(36) DEFAULT NULL,
  `receiverID` char(36) NOT NULL,
  `payload` json NOT NULL,
  PRIMARY KEY (`id`),
  KEY `FK_in_app_notification_receiverID` (`receiverID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

ALTER TABLE `authorization_policy` ADD CONSTRAINT `FK_authorization_policy_parentAuthorizationPolicyId` FOREIGN KEY (`parentAuthorizationPolicyId`) REFERENCES `authorization_policy` (`id`) ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE `storage_aggregator` ADD CONSTRAINT `FK_storage_aggregator_authorizationId` FOREIGN KEY (`authorizationId`) REFERENCES `authorization_policy` (`id`) ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE `storage_aggregator` ADD CONSTRAINT `FK_storage_aggregator_directStorageId` FOREIGN KEY (`directStorageId`) REFERENCES `storage_bucket` (`id`) ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE `storage_bucket` ADD CONSTRAINT `FK_storage_bucket_authorizationId` FOREIGN KEY (`authorizationId`) REFERENCES `authorization_policy` (`id`) ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE `storage_bucket` ADD CONSTRAINT `FK_storage_bucket_storageAggregatorId` FOREIGN KEY (`storageAggregatorId`) REFERENCES `storage_aggregator` (`id`) ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE `platform` ADD CONSTRAINT `FK_platform_authorizationId` FOREIGN KEY (`authorizationId`) REFERENCES `authorization_policy` (`id`) ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE `platform` ADD CONSTRAINT `FK_platform_storageAggregatorId` FOREIGN KEY (`storageAggregatorId`) REFERENCES `storage_aggregator` (`id`) ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE `profile` ADD CONSTRAINT `FK_profile_authorizationId` FOREIGN KEY (`authorizationId`) REFERENCES `authorization_policy` (`id`) ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE `profile` ADD CONSTRAINT `FK_profile_locationId` FOREIGN KEY (`locationId`) REFERENCES `location` (`id`) ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE `profile` ADD CONSTRAINT `FK_profile_storageBucketId` FOREIGN KEY (`storageBucketId`) REFERENCES `storage_bucket` (`id`) ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE `tagset` ADD CONSTRAINT `FK_tagset_authorizationId` FOREIGN KEY (`authorizationId`) REFERENCES `authorization_policy` (`id`) ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE `tagset` ADD CONSTRAINT `FK_tagset_profileId` FOREIGN KEY (`profileId`) REFERENCES `profile` (`id`) ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE `visual` ADD CONSTRAINT `FK_visual_authorizationId` FOREIGN KEY (`authorizationId`) REFERENCES `authorization_policy` (`id`) ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE `visual` ADD CONSTRAINT `FK_visual_profileId` FOREIGN KEY (`profileId`) REFERENCES `profile` (`id`) ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE `document` ADD CONSTRAINT `FK_document_authorizationId` FOREIGN KEY (`authorizationId`) REFERENCES `authorization_policy` (`id`) ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE `document` ADD CONSTRAINT `FK_document_storageBucketId` FOREIGN KEY (`storageBucketId`) REFERENCES `storage_bucket` (`id`) ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE `agent` ADD CONSTRAINT `FK_agent_authorizationId` FOREIGN KEY (`authorizationId`) REFERENCES `authorization_policy` (`id`) ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE `credential` ADD CONSTRAINT `FK_credential_agentId` FOREIGN KEY (`agentId`) REFERENCES `agent` (`id`) ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE `account` ADD CONSTRAINT `FK_account_authorizationId` FOREIGN KEY (`authorizationId`) REFERENCES `authorization_policy` (`id`) ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE `account` ADD CONSTRAINT `FK_account_agentId` FOREIGN KEY (`agentId`) REFERENCES `agent` (`id`) ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE `account` ADD CONSTRAINT `FK_account_storageAggregatorId` FOREIGN KEY (`storageAggregatorId`) REFERENCES `storage_aggregator` (`id`) ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE `license_entitlement` ADD CONSTRAINT `FK_license_entitlement_accountId` FOREIGN KEY (`accountId`) REFERENCES `account` (`id`) ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE `user` ADD CONSTRAINT `FK_user_authorizationId` FOREIGN KEY (`authorizationId`) REFERENCES `authorization_policy` (`id`) ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE `user` ADD CONSTRAINT `FK_user_profileId` FOREIGN KEY (`profileId`) REFERENCES `profile` (`id`) ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE `user` ADD CONSTRAINT `FK_user_agentId` FOREIGN KEY (`agentId`) REFERENCES `agent` (`id`) ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE `user` ADD CONSTRAINT `FK_user_storageAggregatorId` FOREIGN KEY (`storageAggregatorId`) REFERENCES `storage_aggregator` (`id`) ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE `collaboration` ADD CONSTRAINT `FK_collaboration_authorizationId` FOREIGN KEY (`authorizationId`) REFERENCES `authorization_policy` (`id`) ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE `space` ADD CONSTRAINT `FK_space_parentSpaceId` FOREIGN KEY (`parentSpaceId`) REFERENCES `space` (`id`) ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE `space` ADD CONSTRAINT `FK_space_accountId` FOREIGN KEY (`accountId`) REFERENCES `account` (`id`) ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE `space` ADD CONSTRAINT `FK_space_authorizationId` FOREIGN KEY (`authorizationId`) REFERENCES `authorization_policy` (`id`) ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE `space` ADD CONSTRAINT `FK_space_profileId` FOREIGN KEY (`profileId`) REFERENCES `profile` (`id`) ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE `space` ADD CONSTRAINT `FK_space_collaborationId` FOREIGN KEY (`collaborationId`) REFERENCES `collaboration` (`id`) ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE `space` ADD CONSTRAINT `FK_space_storageAggregatorId` FOREIGN KEY (`storageAggregatorId`) REFERENCES `storage_aggregator` (`id`) ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE `space_members_user` ADD CONSTRAINT `FK_space_members_user_spaceId` FOREIGN KEY (`spaceId`) REFERENCES `space` (`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `space_members_user` ADD CONSTRAINT `FK_space_members_user_userId` FOREIGN KEY (`userId`) REFERENCES `user` (`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `callout` ADD CONSTRAINT `FK_callout_authorizationId` FOREIGN KEY (`authorizationId`) REFERENCES `authorization_policy` (`id`) ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE `callout` ADD CONSTRAINT `FK_callout_framingId` FOREIGN KEY (`framingId`) REFERENCES `profile` (`id`) ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE `callout` ADD CONSTRAINT `FK_callout_collaborationId` FOREIGN KEY (`collaborationId`) REFERENCES `collaboration` (`id`) ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE `callout_contribution` ADD CONSTRAINT `FK_callout_contribution_authorizationId` FOREIGN KEY (`authorizationId`) REFERENCES `authorization_policy` (`id`) ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE `callout_contribution` ADD CONSTRAINT `FK_callout_contribution_calloutId` FOREIGN KEY (`calloutId`) REFERENCES `callout` (`id`) ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE `whiteboard` ADD CONSTRAINT `FK_whiteboard_authorizationId` FOREIGN KEY (`authorizationId`) REFERENCES `authorization_policy` (`id`) ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE `whiteboard` ADD CONSTRAINT `FK_whiteboard_profileId` FOREIGN KEY (`profileId`) REFERENCES `profile` (`id`) ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE `whiteboard` ADD CONSTRAINT `FK_whiteboard_contributionId` FOREIGN KEY (`contributionId`) REFERENCES `callout_contribution` (`id`) ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE `in_app_notification` ADD CONSTRAINT `FK_in_app_notification_receiverID` FOREIGN KEY (`receiverID`) REFERENCES `user` (`id`) ON DELETE CASCADE ON UPDATE NO ACTION;
