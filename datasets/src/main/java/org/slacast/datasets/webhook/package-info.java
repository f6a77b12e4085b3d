/**
 * Webhook adapters: a ticketing tool's own change notifications, mapped to native tickets and events through the
 * import mapping format, so a live desk can follow the tool without a sync job.
 */
package org.slacast.datasets.webhook;
