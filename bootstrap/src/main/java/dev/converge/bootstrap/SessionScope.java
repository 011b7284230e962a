package dev.converge.bootstrap;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import javax.inject.Scope;

/** One per connected run: the pools and the adapters that use them live exactly as long as the session. */
@Scope
@Retention(RetentionPolicy.RUNTIME)
@interface SessionScope {}
