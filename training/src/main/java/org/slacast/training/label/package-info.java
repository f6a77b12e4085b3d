/**
 * Which label a model learns: the outcome the source system gave ({@code outcomes.csv}) or the breach the SLA
 * clock computes, and how often the two agree.
 */
package org.slacast.training.label;
