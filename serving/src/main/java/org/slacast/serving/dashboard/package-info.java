/**
 * The managers' dashboard at {@code /dashboard}: server-rendered pages of the at-risk queue, the desk's trends,
 * teams and systems, the hour × weekday heatmap and the active model's monitoring, readable without JavaScript,
 * with charts drawn by uPlot served from the jar, behind the API keys through a login form and a session cookie.
 */
package org.slacast.serving.dashboard;
