/**
 * Command-line commands over the core (picocli): {@code slacast sla} and {@code slacast sla classify}, and the
 * error handling every slacast command shares: one clear line and a non-zero exit code, never a stack trace.
 */
package org.slacast.core.cli;
