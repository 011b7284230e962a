package dev.converge.application.port.in;

/** @param confirmed the operator said yes ({@code --yes}, or the shell's confirmation) */
public record RollbackTargetCommand(boolean confirmed) {}
