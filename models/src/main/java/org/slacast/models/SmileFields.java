package org.slacast.models;

import java.lang.reflect.Field;
import smile.classification.GradientTreeBoost;
import smile.model.cart.OrdinalNode;

/**
 * Reads the fitted values Smile 6.3 keeps without accessors: a split's threshold and a boosted model's intercept
 * and shrinkage. {@link CompiledTrees} needs them to score without Smile's per-node virtual calls. The fields are
 * read once per model load; a Smile upgrade that renames them fails loudly here, and the test that holds compiled
 * predictions to Smile's catches any change of meaning.
 */
final class SmileFields {
    private static final Field THRESHOLD = field(OrdinalNode.class, "value");
    private static final Field INTERCEPT = field(GradientTreeBoost.class, "b");
    private static final Field SHRINKAGE = field(GradientTreeBoost.class, "shrinkage");

    private SmileFields() {
    }

    static double threshold(OrdinalNode node) {
        return read(THRESHOLD, node);
    }

    static double intercept(GradientTreeBoost model) {
        return read(INTERCEPT, model);
    }

    static double shrinkage(GradientTreeBoost model) {
        return read(SHRINKAGE, model);
    }

    private static Field field(Class<?> type, String name) {
        try {
            Field f = type.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException | RuntimeException e) {
            throw new IllegalStateException("this Smile's " + type.getSimpleName() + " has no field '" + name
                    + "'; slacast is built for smile-core 6.3.0", e);
        }
    }

    private static double read(Field f, Object o) {
        try {
            return f.getDouble(o);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read Smile's " + f, e);
        }
    }
}
