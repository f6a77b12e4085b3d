/**
 * Tickets and their event logs, with the ITIL priority matrix and support tiers.
 */
package org.slacast.core.ticket;
