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
 * </ul>
 */
package org.slacast.core.clock;
