/**
 * Import of ITSM exports and event logs into the native format, driven by a YAML column mapping, with every
 * rejected row reported and optional anonymisation.
 */
package org.slacast.datasets.importer;
