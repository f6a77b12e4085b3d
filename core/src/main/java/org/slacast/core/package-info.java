/**
 * The domain shared by every slacast module: tickets and their events, business calendars,
 * SLA policies, the SLA clock, risk bands and the cost-penalty model.
 */
package org.slacast.core;
