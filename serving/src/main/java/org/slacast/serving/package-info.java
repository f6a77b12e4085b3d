/**
 * The scoring HTTP API (Javalin 7): one ticket or a batch scored with the active model beside its SLA clock,
 * cost figures and reasons; model listing and hot swap; health and readiness. Errors are RFC 9457
 * {@code application/problem+json} with field paths.
 */
package org.slacast.serving;
