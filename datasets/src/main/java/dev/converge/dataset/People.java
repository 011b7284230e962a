package dev.converge.dataset;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The people both datasets share: Alkemio {@code user} row i and Kratos {@code identities} row i
 * are the same person with the same email, so the verify phase can join the two stores.
 */
final class People {

  /** A person's names and login email, exactly as both datasets store them. */
  record Person(String firstName, String lastName, String email) {}

  /**
   * The first people are fixed, whatever the seed: an apostrophe and a plus in an email, CJK and
   * Arabic names, an internationalised domain, mixed-case email, and a first name of 128 emoji (128
   * characters for MySQL and Postgres, 256 UTF-16 units in Java).
   */
  static final List<Person> FIXED =
      List.of(
          new Person("Zoë", "O'Brien-Núñez", "zoë.o'brien+0@example.org"),
          new Person("芳", "王", "王芳.1@例え.jp"),
          new Person("محمد", "العلي", "mohammed.al-ali.2@example.org"),
          new Person("🦊".repeat(128), "Ångström", "Fox.Angstrom.3@Example.ORG"));

  private static final String[] FIRST_NAMES = {
    "Anna",
    "José",
    "Zoë",
    "Łukasz",
    "Søren",
    "Ana María",
    "Chloé",
    "Jürgen",
    "Aoife",
    "Siobhán",
    "François",
    "Øystein",
    "Renée",
    "Mikołaj",
    "Ayşe",
    "Zeynep",
    "Björk",
    "Inês",
    "Mateus",
    "Yuki",
    "美咲",
    "Wei",
    "Fatima",
    "Omar",
    "Aarav",
    "Priya",
    "Olusegun",
    "Amara",
    "Kwame",
    "Lena",
    "Jan",
    "Pieter",
    "Émilie",
    "Đorđe",
    "Ljubica",
    "Dmitri",
    "Анна",
    "Иван",
    "Thảo",
    "Nikos"
  };

  private static final String[] LAST_NAMES = {
    "Müller",
    "García",
    "O'Connor",
    "van der Berg",
    "Nowak",
    "Ångström",
    "Dubois",
    "Rossi",
    "Kowalski",
    "Jensen",
    "Nakamura",
    "佐藤",
    "李",
    "Al-Sayed",
    "Haddad",
    "Okafor",
    "Mensah",
    "Silva",
    "Pereira",
    "Novák",
    "Smith",
    "Johansson",
    "de Vries",
    "Đặng",
    "Иванова",
    "Schäfer",
    "Lefèvre",
    "Mac Giolla Phádraig",
    "Papadopoulos",
    "Nguyễn"
  };

  private static final String[] DOMAINS = {
    "example.org", "example.com", "alkemio.example", "mail.example.net", "universität.example"
  };

  private People() {}

  /** How many people (Alkemio users, Kratos identities) the options give. */
  static long count(DatasetOptions options) {
    return options.scaledCount(30_000, 6);
  }

  /** The Kratos identity id of person {@code index}, which Alkemio keeps as authenticationID. */
  static String identityId(long seed, long index) {
    return RowKeys.uuid(seed, "identities", index);
  }

  /** Person {@code index}; unique emails, because every email contains the index. */
  static Person of(long seed, long index) {
    if (index < FIXED.size()) {
      return FIXED.get((int) index);
    }
    SplittableRandom random = RowKeys.random(seed, "people", index);
    String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
    String last = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
    String email =
        localPart(first)
            + '.'
            + localPart(last)
            + '.'
            + index
            + '@'
            + DOMAINS[random.nextInt(DOMAINS.length)];
    return new Person(first, last, email);
  }

  /** The identifier Kratos logs the person in with: the email in lower case. */
  static String loginIdentifier(Person person) {
    return person.email().toLowerCase(Locale.ROOT);
  }

  private static String localPart(String name) {
    StringBuilder local = new StringBuilder(name.length());
    name.toLowerCase(Locale.ROOT)
        .codePoints()
        .filter(Character::isLetterOrDigit)
        .forEach(local::appendCodePoint);
    return local.toString();
  }
}
