/**
 * What the desk's own data says beyond any model: where the time goes (stage decomposition), what a change to the
 * desk or to its reporting would have done (scenarios recomputed through the SLA clock), whether a difference in
 * breach rates between segments is real, and how many agents each hour of the week needs (Erlang C).
 */
package org.slacast.training.desk;
