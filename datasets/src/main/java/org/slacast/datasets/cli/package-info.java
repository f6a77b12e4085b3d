/**
 * The dataset commands of the slacast CLI: {@code generate} and {@code import}.
 */
package org.slacast.datasets.cli;
