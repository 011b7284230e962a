package dev.converge.bootstrap;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import javax.inject.Qualifier;

/** Marks the writer that failures are reported on (standard error). */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@interface ErrorOutput {}
