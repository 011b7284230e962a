-- Kratos-shaped source schema: MySQL 8.0 DDL as the identity server's MySQL migrations leave it.
-- Runs inside the database the caller chose. Every statement ends with a semicolon at line end.
-- Booleans are tinyint(1) here (the one integer type MySQL 8.0.19+ still reports with a width).
-- TIMESTAMP columns are stored as UTC and shown in the session time zone, DATETIME columns are not.

CREATE TABLE `networks` (
  `id` char(36) NOT NULL,
  `created_at` timestamp NOT NULL,
  `updated_at` timestamp NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

CREATE TABLE `identity_credential_types` (
  `id` char(36) NOT NULL,
  `name` varchar(32) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `identity_credential_types_name_idx` (`name`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

CREATE TABLE `schema_migration` (
  `version` varchar(48) NOT NULL,
  `version_self` int NOT NULL DEFAULT '0',
  UNIQUE KEY `schema_migration_version_idx` (`version`),
  KEY `schema_migration_version_self_idx` (`version_self`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

CREATE TABLE `identities` (
  `id` char(36) NOT NULL,
  `nid` char(36) DEFAULT NULL,
  `schema_id` varchar(2048) NOT NULL,
  `traits` json NOT NULL,
  `traits_email` varchar(255) GENERATED ALWAYS AS (json_unquote(json_extract(`traits`,'$.email'))) VIRTUAL,
  `state` varchar(255) NOT NULL DEFAULT 'active',
  `state_changed_at` timestamp NULL DEFAULT NULL,
  `metadata_public` json DEFAULT NULL,
  `metadata_admin` json DEFAULT NULL,
  `created_at` datetime NOT NULL,
  `updated_at` datetime NOT NULL,
  PRIMARY KEY (`id`),
  KEY `identities_nid_idx` (`id`,`nid`),
  KEY `identities_traits_email_idx` (`traits_email`),
  CONSTRAINT `identities_nid_fk_idx` FOREIGN KEY (`nid`) REFERENCES `networks` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

CREATE TABLE `identity_credentials` (
  `id` char(36) NOT NULL,
  `config` json NOT NULL,
  `identity_credential_type_id` char(36) NOT NULL,
  `identity_id` char(36) NOT NULL,
  `nid` char(36) DEFAULT NULL,
  `version` int NOT NULL DEFAULT '0',
  `created_at` datetime NOT NULL,
  `updated_at` datetime NOT NULL,
  PRIMARY KEY (`id`),
  KEY `identity_credentials_identity_id_fk_idx` (`identity_id`),
  KEY `identity_credentials_type_id_fk_idx` (`identity_credential_type_id`),
  KEY `identity_credentials_nid_fk_idx` (`nid`),
  CONSTRAINT `identity_credentials_identity_id_fk_idx` FOREIGN KEY (`identity_id`) REFERENCES `identities` (`id`) ON DELETE CASCADE,
  CONSTRAINT `identity_credentials_type_id_fk_idx` FOREIGN KEY (`identity_credential_type_id`) REFERENCES `identity_credential_types` (`id`) ON DELETE CASCADE,
  CONSTRAINT `identity_credentials_nid_fk_idx` FOREIGN KEY (`nid`) REFERENCES `networks` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

CREATE TABLE `identity_credential_identifiers` (
  `id` char(36) NOT NULL,
  `identifier` varchar(255) NOT NULL,
  `identity_credential_id` char(36) NOT NULL,
  `identity_credential_type_id` char(36) NOT NULL,
  `nid` char(36) DEFAULT NULL,
  `created_at` datetime NOT NULL,
  `updated_at` datetime NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `identity_credential_identifiers_identifier_nid_type_uq_idx` (`identifier`,`identity_credential_type_id`,`nid`),
  KEY `identity_credential_identifiers_credential_id_fk_idx` (`identity_credential_id`),
  KEY `identity_credential_identifiers_type_id_fk_idx` (`identity_credential_type_id`),
  KEY `identity_credential_identifiers_nid_fk_idx` (`nid`),
  CONSTRAINT `identity_credential_identifiers_credential_id_fk_idx` FOREIGN KEY (`identity_credential_id`) REFERENCES `identity_credentials` (`id`) ON DELETE CASCADE,
  CONSTRAINT `identity_credential_identifiers_type_id_fk_idx` FOREIGN KEY (`identity_credential_type_id`) REFERENCES `identity_credential_types` (`id`) ON DELETE CASCADE,
  CONSTRAINT `identity_credential_identifiers_nid_fk_idx` FOREIGN KEY (`nid`) REFERENCES `networks` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

CREATE TABLE `identity_verifiable_addresses` (
  `id` char(36) NOT NULL,
  `status` varchar(16) NOT NULL,
  `via` varchar(16) NOT NULL,
  `verified` tinyint(1) NOT NULL,
  `value` varchar(400) NOT NULL,
  `verified_at` timestamp NULL DEFAULT NULL,
  `identity_id` char(36) NOT NULL,
  `nid` char(36) DEFAULT NULL,
  `created_at` datetime NOT NULL,
  `updated_at` datetime NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `identity_verifiable_addresses_status_via_uq_idx` (`nid`,`via`,`value`),
  KEY `identity_verifiable_addresses_identity_id_fk_idx` (`identity_id`),
  CONSTRAINT `identity_verifiable_addresses_identity_id_fk_idx` FOREIGN KEY (`identity_id`) REFERENCES `identities` (`id`) ON DELETE CASCADE,
  CONSTRAINT `identity_verifiable_addresses_nid_fk_idx` FOREIGN KEY (`nid`) REFERENCES `networks` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

CREATE TABLE `identity_recovery_addresses` (
  `id` char(36) NOT NULL,
  `via` varchar(16) NOT NULL,
  `value` varchar(400) NOT NULL,
  `identity_id` char(36) NOT NULL,
  `nid` char(36) DEFAULT NULL,
  `created_at` datetime NOT NULL,
  `updated_at` datetime NOT NULL,
  PRIMARY KEY (`id`),
  KEY `identity_recovery_addresses_nid_via_value_idx` (`nid`,`via`,`value`),
  KEY `identity_recovery_addresses_identity_id_fk_idx` (`identity_id`),
  CONSTRAINT `identity_recovery_addresses_identity_id_fk_idx` FOREIGN KEY (`identity_id`) REFERENCES `identities` (`id`) ON DELETE CASCADE,
  CONSTRAINT `identity_recovery_addresses_nid_fk_idx` FOREIGN KEY (`nid`) REFERENCES `networks` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

CREATE TABLE `sessions` (
  `id` char(36) NOT NULL,
  `issued_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `expires_at` timestamp NOT NULL,
  `authenticated_at` timestamp NOT NULL,
  `identity_id` char(36) NOT NULL,
  `token` varchar(39) DEFAULT NULL,
  `logout_token` varchar(39) DEFAULT NULL,
  `active` tinyint(1) DEFAULT '0',
  `aal` varchar(4) NOT NULL DEFAULT 'aal1',
  `authentication_methods` json NOT NULL,
  `nid` char(36) DEFAULT NULL,
  `created_at` timestamp NOT NULL,
  `updated_at` timestamp NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `sessions_token_uq_idx` (`token`),
  UNIQUE KEY `sessions_logout_token_uq_idx` (`logout_token`),
  KEY `sessions_identity_id_fk_idx` (`identity_id`),
  KEY `sessions_nid_fk_idx` (`nid`),
  CONSTRAINT `sessions_identity_id_fk_idx` FOREIGN KEY (`identity_id`) REFERENCES `identities` (`id`) ON DELETE CASCADE,
  CONSTRAINT `sessions_nid_fk_idx` FOREIGN KEY (`nid`) REFERENCES `networks` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

CREATE TABLE `session_devices` (
  `id` char(36) NOT NULL,
  `ip_address` varchar(50) DEFAULT '',
  `user_agent` varchar(512) DEFAULT '',
  `location` varchar(512) DEFAULT '',
  `nid` char(36) NOT NULL,
  `session_id` char(36) NOT NULL,
  `created_at` timestamp NOT NULL,
  `updated_at` timestamp NOT NULL,
  PRIMARY KEY (`id`),
  KEY `session_devices_session_id_fk_idx` (`session_id`),
  KEY `session_devices_nid_fk_idx` (`nid`),
  CONSTRAINT `session_devices_session_id_fk_idx` FOREIGN KEY (`session_id`) REFERENCES `sessions` (`id`) ON DELETE CASCADE,
  CONSTRAINT `session_devices_nid_fk_idx` FOREIGN KEY (`nid`) REFERENCES `networks` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

CREATE TABLE `courier_messages` (
  `id` char(36) NOT NULL,
  `type` int NOT NULL,
  `status` int NOT NULL,
  `body` text NOT NULL,
  `subject` varchar(255) NOT NULL,
  `recipient` varchar(255) NOT NULL,
  `template_type` varchar(255) NOT NULL DEFAULT '',
  `template_data` blob,
  `send_count` int NOT NULL DEFAULT '0',
  `channel` varchar(32) DEFAULT NULL,
  `nid` char(36) DEFAULT NULL,
  `created_at` datetime NOT NULL,
  `updated_at` datetime NOT NULL,
  PRIMARY KEY (`id`),
  KEY `courier_messages_nid_fk_idx` (`nid`),
  KEY `courier_messages_status_idx` (`status`),
  CONSTRAINT `courier_messages_nid_fk_idx` FOREIGN KEY (`nid`) REFERENCES `networks` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;
