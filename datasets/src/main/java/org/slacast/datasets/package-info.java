/**
 * Data for slacast: a service-desk simulator, import of ITSM exports and event logs, anonymisation.
 */
package org.slacast.datasets;
