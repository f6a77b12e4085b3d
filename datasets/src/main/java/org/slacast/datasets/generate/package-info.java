/**
 * The service-desk simulator: a discrete-event simulation of arrivals, shifts, tiered queues, escalations,
 * pauses and reopens, whose tickets and event logs are written in the native format. Breaches are not drawn:
 * they follow from queues and capacity, and are measured afterwards by the SLA clock.
 */
package org.slacast.datasets.generate;
