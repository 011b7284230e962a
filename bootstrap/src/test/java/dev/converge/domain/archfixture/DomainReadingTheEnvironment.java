package dev.converge.domain.archfixture;

/** Breaks the domain rule: a domain value that reads the process's environment. */
public class DomainReadingTheEnvironment {
  public String zone() {
    return System.getenv("TZ");
  }
}
