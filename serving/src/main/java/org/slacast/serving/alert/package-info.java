/**
 * Early warnings: rules that fire once per ticket and rule when a re-scored ticket in the at-risk queue meets them,
 * and webhook delivery of each alert (signed, retried with backoff, idempotent, dead-lettered), all kept in the
 * desk store so that a restart neither loses nor repeats an alert.
 */
package org.slacast.serving.alert;
