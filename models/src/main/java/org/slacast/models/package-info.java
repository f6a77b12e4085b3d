/**
 * Breach models and everything around them: the Random Forest and gradient boosting adapters (Smile), the
 * logistic regression adapter (Tribuo), probability calibration, model bundles with provenance, the registry of
 * champion and challenger, and fast in-process scoring with explanations.
 */
package org.slacast.models;
