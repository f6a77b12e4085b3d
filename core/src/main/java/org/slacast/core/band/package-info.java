/**
 * Risk bands: on track, at risk, overdue, completed on time or late, paused, not active, no target. The same
 * rules classify SLA clock metrics and plain checkpoint/task lists with explicit due dates.
 */
package org.slacast.core.band;
