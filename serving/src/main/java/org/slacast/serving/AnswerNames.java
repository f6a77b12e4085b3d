package org.slacast.serving;

import com.fasterxml.jackson.core.io.SerializedString;

/**
 * The score answer's field names, each quoted and encoded to UTF-8 once. A name given as a {@code String} is
 * escaped and encoded character by character on every answer, and an answer holds about thirty of them.
 */
final class AnswerNames {
    static final SerializedString BAND = new SerializedString("band");
    static final SerializedString BREACH_PROBABILITY = new SerializedString("breach_probability");
    static final SerializedString CONTRIBUTION = new SerializedString("contribution");
    static final SerializedString COST = new SerializedString("cost");
    static final SerializedString DECISION = new SerializedString("decision");
    static final SerializedString DUE_AT = new SerializedString("due_at");
    static final SerializedString EFFECTIVENESS = new SerializedString("effectiveness");
    static final SerializedString ELAPSED_BUSINESS_MINUTES = new SerializedString("elapsed_business_minutes");
    static final SerializedString EXPECTED_PENALTY = new SerializedString("expected_penalty");
    static final SerializedString EXPECTED_SAVING = new SerializedString("expected_saving");
    static final SerializedString EXPLANATION = new SerializedString("explanation");
    static final SerializedString FEATURE = new SerializedString("feature");
    static final SerializedString ID = new SerializedString("id");
    static final SerializedString INTERVENTION_COST = new SerializedString("intervention_cost");
    static final SerializedString KIND = new SerializedString("kind");
    static final SerializedString METRIC = new SerializedString("metric");
    static final SerializedString METRICS = new SerializedString("metrics");
    static final SerializedString MODEL = new SerializedString("model");
    static final SerializedString PENALTY_IF_BREACHED = new SerializedString("penalty_if_breached");
    static final SerializedString POLICY = new SerializedString("policy");
    static final SerializedString REASONS = new SerializedString("reasons");
    static final SerializedString RECOMMEND_INTERVENTION = new SerializedString("recommend_intervention");
    static final SerializedString REMAINING_BUSINESS_MINUTES = new SerializedString("remaining_business_minutes");
    static final SerializedString REQUEST_ID = new SerializedString("request_id");
    static final SerializedString RISK_BAND = new SerializedString("risk_band");
    static final SerializedString SCORED_AT = new SerializedString("scored_at");
    static final SerializedString SLA = new SerializedString("sla");
    static final SerializedString TARGET_MINUTES = new SerializedString("target_minutes");
    static final SerializedString TICKET_ID = new SerializedString("ticket_id");
    static final SerializedString VALUE = new SerializedString("value");

    private AnswerNames() {
    }
}
