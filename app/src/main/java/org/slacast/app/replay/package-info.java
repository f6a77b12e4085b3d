/**
 * {@code slacast replay}: a data set's tickets and events, in time order, into a running server through its
 * ingestion API, with each ticket scored at its creation. A backtest of the live service, and a way to fill a
 * server's desk while one watches.
 */
package org.slacast.app.replay;
