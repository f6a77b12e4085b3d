/**
 * The SLA clock: replays a ticket's events under its policy and reports, for every metric, the target, elapsed
 * and paused business time, due instant, breach and completion.
 *
 * <p>Rules, each chosen against a known failure of other SLA engines:
 * <ul>
 *   <li>Elapsed time is business time over the running intervals minus the paused intervals; paused time is
 *       business time inside pauses, so a pause over a weekend counts nothing for the weekend, once.</li>
 *   <li>A resolution while paused ends the pause at the resolution instant; the pause is still credited.</li>
 *   <li>A priority change never restarts a clock: the new priority's target counts from the original start
 *       ("retroactive start", as ServiceNow's SLA definitions do).</li>
 *   <li>Events after the as-of instant are ignored, so a past instant never sees later events.</li>
 *   <li>Events at one instant are applied in {@link org.slacast.core.ticket.EventOrder}, so the order of rows in a
 *       file or a query never changes a reading.</li>
 *   <li>Each metric has its own {@link org.slacast.core.policy.MetricRules}: the statuses that pause it, the
 *       events that stop it, and whether a reopen resumes it; their defaults are the rules above.</li>
 *   <li>An OLA's running intervals are its tier visits (stints); {@link org.slacast.core.clock.StintReading}
 *       judges each on its own, while the metric sums them per tier.</li>
 * </ul>
 */
package org.slacast.core.clock;
