package org.slacast.serving;

/** One item of a batch's answer, in request order: a score, or the problem with that item alone. */
sealed interface BatchItem {
    /** @param score the item's score */
    record Scored(ScoringService.Score score) implements BatchItem {
    }

    /** @param problem what is wrong with the item */
    record Failed(BadRequest problem) implements BatchItem {
    }
}
