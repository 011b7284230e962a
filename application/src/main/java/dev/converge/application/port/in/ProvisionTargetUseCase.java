package dev.converge.application.port.in;

/** Schema first: provisions the target from the application's own migrations, then checks the contract. */
public interface ProvisionTargetUseCase {

  ProvisionTargetReport provision(ProvisionTargetCommand command);
}
