/**
 * SLA policies: per-priority targets for each metric, pause rules, and how a policy is chosen for a ticket;
 * and the YAML policy file that holds policies with their calendars.
 */
package org.slacast.core.policy;
