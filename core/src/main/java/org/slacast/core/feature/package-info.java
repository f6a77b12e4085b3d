/**
 * The features that training and serving share: one definition of every feature, computed from a ticket, its
 * events up to an instant, the SLA clock at that instant and the desk's history before it. Nothing here may look
 * past the instant a ticket is scored at; {@link org.slacast.core.feature.LeakCheck} verifies that.
 */
package org.slacast.core.feature;
