/** What-if runs on the desk simulator: a changed desk against the unchanged one, with common random numbers. */
package org.slacast.datasets.whatif;
