package dev.converge.archfixture.cycle.a;

import dev.converge.archfixture.cycle.b.Second;

/** With {@link Second}, breaks the no-cycle rule. */
public class First {
  public Second next;
}
