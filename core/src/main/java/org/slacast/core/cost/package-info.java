/** What a breach costs and what acting on a prediction is worth. */
package org.slacast.core.cost;
