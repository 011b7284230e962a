package dev.converge.dataset;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Kratos's session and courier family: {@code sessions} (MySQL {@code timestamp} columns, a
 * nullable boolean, unique tokens), {@code session_devices} (whose column order differs in
 * Postgres) and {@code courier_messages} (awkward message bodies and a {@code blob}).
 */
final class KratosSessionTables {

  private static final String[] USER_AGENTS = {
    "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like"
        + " Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
        + " Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0",
    "curl/8.5.0",
    "okhttp/4.12.0 \"quoted\" build, with comma"
  };
  private static final String[] LOCATIONS = {
    "Berlin, DE", "São Paulo, BR", "東京, JP", "Den Haag, NL", "", "Dublin, IE"
  };

  private KratosSessionTables() {}

  /** Three sessions for every two identities. */
  static long sessions(DatasetOptions options) {
    return People.count(options) * 3 / 2;
  }

  static long messages(DatasetOptions options) {
    return options.scaledCount(30_000, AwkwardText.CATALOGUE.size());
  }

  static GeneratedTable sessions() {
    return new StreamedTable(
        "sessions",
        List.of(
            "id",
            "issued_at",
            "expires_at",
            "authenticated_at",
            "identity_id",
            "token",
            "logout_token",
            "active",
            "aal",
            "authentication_methods",
            "nid",
            "created_at",
            "updated_at"),
        KratosSessionTables::sessions,
        options -> {
          long seed = options.seed();
          long identities = People.count(options);
          long zeroDateRow = options.dirty() ? sessions(options) - 1 : -1;
          return (index, random, row) -> {
            LocalDateTime issued = SampleTimes.wholeSeconds(random);
            boolean secondFactor = random.nextInt(6) == 0;
            row[0] = RowKeys.uuid(seed, "sessions", index);
            row[1] = issued;
            row[2] =
                index < SampleTimes.TIMESTAMP_EDGES.size()
                    ? SampleTimes.TIMESTAMP_EDGES.get((int) index)
                    : issued.plusDays(30);
            row[3] = index == zeroDateRow ? DirtyValues.ZERO_DATE : issued;
            row[4] =
                People.identityId(
                    seed, RowKeys.pick(seed, "sessions.identity_id", index, identities));
            row[5] = "ory_st_" + RowKeys.uuid(seed, "sessions.token", index).replace("-", "");
            row[6] =
                random.nextInt(4) == 0
                    ? null
                    : "ory_lo_"
                        + RowKeys.uuid(seed, "sessions.logout_token", index).replace("-", "");
            row[7] =
                switch (random.nextInt(5)) {
                  case 0 -> null;
                  case 1 -> Boolean.FALSE;
                  default -> Boolean.TRUE;
                };
            row[8] = secondFactor ? "aal2" : "aal1";
            row[9] = authenticationMethods(issued, secondFactor);
            row[10] = KratosIdentityTables.networkId(seed);
            row[11] = issued;
            row[12] = issued;
          };
        });
  }

  static GeneratedTable sessionDevices() {
    return new StreamedTable(
        "session_devices",
        List.of(
            "id",
            "ip_address",
            "user_agent",
            "location",
            "nid",
            "session_id",
            "created_at",
            "updated_at"),
        KratosSessionTables::sessions,
        options -> {
          long seed = options.seed();
          return (index, random, row) -> {
            LocalDateTime created = SampleTimes.wholeSeconds(random);
            row[0] = RowKeys.uuid(seed, "session_devices", index);
            row[1] = ipAddress(random);
            row[2] =
                random.nextInt(20) == 0 ? null : USER_AGENTS[random.nextInt(USER_AGENTS.length)];
            row[3] = LOCATIONS[random.nextInt(LOCATIONS.length)];
            row[4] = KratosIdentityTables.networkId(seed);
            row[5] = RowKeys.uuid(seed, "sessions", index);
            row[6] = created;
            row[7] = created;
          };
        });
  }

  static GeneratedTable courierMessages() {
    return new StreamedTable(
        "courier_messages",
        List.of(
            "id",
            "type",
            "status",
            "body",
            "subject",
            "recipient",
            "template_type",
            "template_data",
            "send_count",
            "channel",
            "nid",
            "created_at",
            "updated_at"),
        KratosSessionTables::messages,
        options -> {
          long seed = options.seed();
          long identities = People.count(options);
          return (index, random, row) -> {
            People.Person person = People.of(seed, random.nextLong(identities));
            LocalDateTime created = SampleTimes.wholeSeconds(random);
            int status = 1 + random.nextInt(4);
            row[0] = RowKeys.uuid(seed, "courier_messages", index);
            row[1] = 1;
            row[2] = status;
            row[3] =
                index < AwkwardText.trapRows(false)
                    ? AwkwardText.trap(index, false)
                    : body(person, random);
            row[4] = "Bitte bestätige deine E-Mail-Adresse / Please verify your email ✉️";
            row[5] = person.email();
            row[6] = random.nextBoolean() ? "verification_code_valid" : "recovery_code_valid";
            row[7] = templateData(index, person, random);
            row[8] = status == 1 ? 0 : random.nextInt(4);
            row[9] = random.nextInt(3) == 0 ? null : "email";
            row[10] = KratosIdentityTables.networkId(seed);
            row[11] = created;
            row[12] = SampleTimes.after(created, random);
          };
        });
  }

  private static String authenticationMethods(LocalDateTime issued, boolean secondFactor) {
    String password =
        "{\"method\":\"password\",\"aal\":\"aal1\",\"completed_at\":\"" + issued + "Z\"}";
    return secondFactor
        ? "["
            + password
            + ",{\"method\":\"totp\",\"aal\":\"aal2\",\"completed_at\":\""
            + issued.plusSeconds(20)
            + "Z\"}]"
        : "[" + password + "]";
  }

  private static String ipAddress(SplittableRandom random) {
    return switch (random.nextInt(6)) {
      case 0 -> "";
      case 1 -> null;
      case 2 ->
          "2001:db8:"
              + Integer.toHexString(random.nextInt(0x10000))
              + "::"
              + Integer.toHexString(random.nextInt(0x10000));
      default -> "192.0.2." + random.nextInt(256);
    };
  }

  /** A message body with CRLF line breaks, as mail bodies are stored. */
  private static String body(People.Person person, SplittableRandom random) {
    return "Hi "
        + person.firstName()
        + ",\r\n\r\nplease verify your account by entering the following code:\r\n\r\n"
        + (100_000 + random.nextInt(900_000))
        + "\r\n\r\n"
        + AwkwardText.sentence(random, 4, 10)
        + "\r\n";
  }

  /** Row 0 every byte value, row 1 empty, row 2 NULL; then the template model as UTF-8 JSON. */
  private static byte[] templateData(long index, People.Person person, SplittableRandom random) {
    if (index == 0) {
      return SampleBytes.everyByteValue();
    }
    if (index == 1) {
      return new byte[0];
    }
    if (index == 2) {
      return null;
    }
    String model =
        "{\"to\":"
            + JsonText.quote(person.email())
            + ",\"verification_code\":\""
            + (100_000 + random.nextInt(900_000))
            + "\",\"identity\":{\"name\":"
            + JsonText.quote(person.firstName())
            + "}}";
    return model.getBytes(StandardCharsets.UTF_8);
  }
}
