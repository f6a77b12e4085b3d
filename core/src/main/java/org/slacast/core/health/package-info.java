/**
 * The desk's health as of an instant: open tickets by SLA band, at-risk items by team, the day's breaches, daily
 * volume, closures, backlog and breach rate with a rolling 7-day average, figures by team and by system, chronic
 * systems and the hour × weekday heatmap. Daily snapshots and the dashboard are written from it.
 */
package org.slacast.core.health;
