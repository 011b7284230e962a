package dev.converge.adapter.csv.archfixture;

/** Breaks the naming rule: a name that says nothing. */
public class CsvUtil {}
