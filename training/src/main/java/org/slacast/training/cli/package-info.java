/**
 * The {@code slacast} command line: the one place where every batch command is assembled.
 */
package org.slacast.training.cli;
