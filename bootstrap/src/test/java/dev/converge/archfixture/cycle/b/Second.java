package dev.converge.archfixture.cycle.b;

import dev.converge.archfixture.cycle.a.First;

/** With {@link First}, breaks the no-cycle rule. */
public class Second {
  public First previous;
}
