/**
 * The {@code slacast} application: every command of the CLI, and the only place where the libraries (core,
 * datasets, models, training, serving) are composed. {@link org.slacast.app.Slacast} is the root command and the
 * jar's entry point; nothing depends on this package.
 */
package org.slacast.app;
